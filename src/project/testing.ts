/**
 * Test inputs shared by the project's, the server's and the browser tests: a year of hourly prices as the price file
 * a project names (local times in UTC+8, the Henan market's clock).
 */

/** 100 yuan/MWh 00–04, 500 yuan/MWh 18–22, 300 otherwise (local hours): a year whose best dispatch is solvable by hand. */
export const THREE_LEVELS = (hour: number): number => (hour < 4 ? 100 : hour >= 18 && hour < 22 ? 500 : 300);

/** The price file (`time,price`, yuan/MWh) of every local hour of `year`, or of its first `hours`, at `price(hour)`. */
export function hourlyPricesCsv(year: number, price: (hour: number) => number = THREE_LEVELS, hours = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 3600e3): string {
  const lines = ['time,price'];
  const start = Date.UTC(year, 0, 1);
  for (let h = 0; h < hours; h++) {
    const local = new Date(start + h * 3600e3);
    lines.push(`${local.toISOString().slice(0, 19)}+08:00,${price(local.getUTCHours())}`);
  }
  return lines.join('\n') + '\n';
}
