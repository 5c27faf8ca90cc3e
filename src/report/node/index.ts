/** The report layer's Node edge: charts to SVG, the HTML, PDF and XLSX reports, reading a results folder. */
export { renderChartSvg } from './svg.js';
export { readResultsFolder, parseCsv, ResultsFolderReadError, type ResultsFolder, type CsvTable } from './read.js';
export { htmlReport, STATEMENT_YEARS_PER_PAGE, type HtmlReportOptions, type ReportInput } from './html.js';
export { pdfReport, chromiumPath, ChromiumMissingError, PDF_DEFAULTS } from './pdf.js';
export { xlsxReport, sheetName, XLSX_SHEETS, XLSX_HEADER_ROWS } from './xlsx.js';
export { writeFileAtomic } from '../../project/durable-write.node.js';
export { renderReport, checkFormat, REPORT_FORMATS, REPORT_MEDIA_TYPES, type ReportFormat } from './render.js';
