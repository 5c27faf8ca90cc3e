/**
 * Clock times for price series and tariffs. Instants are milliseconds since the Unix epoch (UTC); local clocks are
 * fixed UTC offsets. Only zones without daylight saving are named here, because a tariff hour or a regular price
 * step means nothing across a DST jump; a file from a DST zone must carry explicit offsets on every time.
 */
import { DispatchInputError } from './errors.js';

/** Named zones with one fixed offset today, in minutes east of UTC. Asia/Shanghai (UTC+8) is the default. */
export const FIXED_OFFSET_ZONES: Readonly<Record<string, number>> = {
  'Asia/Shanghai': 480,
  PRC: 480,
  'Asia/Chongqing': 480,
  'Asia/Harbin': 480,
  'Asia/Hong_Kong': 480,
  'Asia/Macau': 480,
  'Asia/Taipei': 480,
  'Asia/Singapore': 480,
  'Asia/Tokyo': 540,
  'Asia/Seoul': 540,
  'Asia/Kolkata': 330,
  UTC: 0,
  'Etc/UTC': 0,
  GMT: 0,
  Z: 0,
};

const OFFSET_RE = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/;

/** "Asia/Shanghai", "UTC", "+08:00", "UTC+8" → minutes east of UTC. */
export function utcOffsetMinutes(zone: string, field = 'timeZone'): number {
  const named = FIXED_OFFSET_ZONES[zone.trim()];
  if (named !== undefined) return named;
  const m = OFFSET_RE.exec(zone.trim());
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    if (Number(m[2]) <= 14 && Number(m[3] ?? 0) < 60) return m[1] === '-' ? -minutes : minutes;
  }
  throw new DispatchInputError(
    field,
    zone,
    `expected a fixed-offset time zone (${Object.keys(FIXED_OFFSET_ZONES).join(', ')}, or an offset like "+08:00"); ` +
      'zones with daylight saving need explicit offsets in the data',
  );
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Parses an ISO 8601 date-time ("2025-01-01T00:00", "2025-01-01 00:00:00+08:00", "2025-01-01T00:00Z"; a date
 * alone means midnight). A time without an offset is read in the zone given by `defaultOffsetMinutes`.
 * Returns the instant (ms, UTC) or the reason the text is not a valid time.
 */
export function parseIsoTime(text: string, defaultOffsetMinutes: number): number | string {
  const m = ISO_RE.exec(text.trim());
  if (!m) return 'expected an ISO 8601 time such as 2025-01-01T00:00 or 2025-01-01T00:00+08:00';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const fraction = m[7] ? Number(`0.${m[7]}`) : 0;
  if (month < 1 || month > 12) return `month ${month} is not in 1–12`;
  const monthDays = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day < 1 || day > monthDays) return `day ${day} does not exist in ${year}-${m[2]}`;
  if (hour > 23) return `hour ${hour} is not in 0–23`;
  if (minute > 59) return `minute ${minute} is not in 0–59`;
  if (second > 59) return `second ${second} is not in 0–59`;
  let offset = defaultOffsetMinutes;
  if (m[8]) {
    if (m[8] === 'Z') offset = 0;
    else {
      const o = /^([+-])(\d{2}):?(\d{2})?$/.exec(m[8])!;
      const oh = Number(o[2]);
      const om = Number(o[3] ?? 0);
      if (oh > 14 || om > 59) return `offset ${m[8]} is not a valid UTC offset`;
      offset = (o[1] === '-' ? -1 : 1) * (oh * 60 + om);
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(fraction * 1000) - offset * 60_000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2025-01-01T00:00+08:00": an instant shown on a local clock with its offset. */
export function formatIsoTime(timeMs: number, offsetMinutes: number): string {
  const d = new Date(timeMs + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const seconds = d.getUTCSeconds() || d.getUTCMilliseconds() ? `:${pad(d.getUTCSeconds())}` : '';
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The local calendar of an instant: what a tariff or a daily limit looks at. */
export interface LocalTime {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** Minutes since local midnight, 0–1439 (seconds dropped). */
  readonly minuteOfDay: number;
  /** Whole local days since 1970-01-01 (local), for grouping steps by day. */
  readonly dayNumber: number;
  /** "2025-01-15". */
  readonly date: string;
}

export function localTime(timeMs: number, offsetMinutes: number): LocalTime {
  const localMs = timeMs + offsetMinutes * 60_000;
  const d = new Date(localMs);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return {
    year,
    month,
    day,
    weekday: d.getUTCDay(),
    minuteOfDay: d.getUTCHours() * 60 + d.getUTCMinutes(),
    dayNumber: Math.floor(localMs / 86_400_000),
    date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
  };
}

/** Local day number of every step of a regular series (for daily limits). */
export function localDayNumbers(startMs: number, steps: number, stepSeconds: number, offsetMinutes: number): Int32Array {
  const out = new Int32Array(steps);
  const offsetMs = offsetMinutes * 60_000;
  for (let t = 0; t < steps; t++) out[t] = Math.floor((startMs + t * stepSeconds * 1000 + offsetMs) / 86_400_000);
  return out;
}
