/**
 * The HTML report printed to PDF by Chromium (playwright-core drives the browser the system has; nothing is
 * downloaded): A4, backgrounds printed, the report's own print CSS deciding the page breaks. Where no Chromium is
 * found, the error says so and how to install one.
 */
import { existsSync } from 'node:fs';

export const PDF_DEFAULTS = {
  /** Where Debian and Ubuntu put Chromium; CHUNENG_CHROMIUM overrides it. */
  executablePath: '/usr/bin/chromium',
  /** A report of three plants prints in a few seconds; a stuck browser is stopped after this. ms */
  timeoutMs: 120_000,
} as const;

/** No Chromium to print with. */
export class ChromiumMissingError extends Error {
  constructor(readonly path: string) {
    super(
      `no Chromium at ${path} to print the PDF report with: install it (Debian/Ubuntu: \`apt-get install -y chromium fonts-wqy-microhei\`, the font for the Chinese text) or set CHUNENG_CHROMIUM to a Chromium or Chrome executable; the HTML report (--format html) needs no browser`,
    );
    this.name = 'ChromiumMissingError';
  }
}

/** The Chromium this machine prints with: CHUNENG_CHROMIUM, or /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHUNENG_CHROMIUM || PDF_DEFAULTS.executablePath;
}

export async function pdfReport(html: string, options: { executablePath?: string } = {}): Promise<Buffer> {
  const executablePath = options.executablePath ?? chromiumPath();
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, timeout: PDF_DEFAULTS.timeoutMs });
  try {
    const page = await browser.newPage();
    // the report is self-contained: any request it would make is refused, so a PDF never depends on the network
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load', timeout: PDF_DEFAULTS.timeoutMs });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
