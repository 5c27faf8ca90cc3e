import { writeFileSync, readFileSync } from 'node:fs';
import { pdfReport } from './pdf.js';
for (const lang of ['zh', 'en']) {
  const t0 = performance.now();
  const pdf = await pdfReport(readFileSync(`/tmp/report-${lang}.html`, 'utf8'));
  writeFileSync(`/tmp/report-${lang}.pdf`, pdf);
  console.log(lang, pdf.length, performance.now() - t0, (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length);
}
