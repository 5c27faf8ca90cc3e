import { writeFileSync } from 'node:fs';
import { readResultsFolder } from './read.js';
import { htmlReport } from './html.js';
const t0 = performance.now();
const f = readResultsFolder('/tmp/luoyang-cn');
console.log('read', performance.now() - t0);
for (const lang of ['zh', 'en'] as const) {
  const t1 = performance.now();
  const html = htmlReport(f, lang, { date: new Date('2026-12-07') });
  writeFileSync(`/tmp/report-${lang}.html`, html);
  console.log(lang, html.length, performance.now() - t1);
}
