/**
 * `chuneng report DIR --lang zh|en --format html|pdf|xlsx [--out FILE]`: the report of a results folder written by
 * `evaluate --out`, as one self-contained HTML file, a PDF of it (printed by Chromium) or a workbook. Writes
 * DIR/report.<format> (or FILE) atomically. A thin adapter over src/report.
 */
import type { Command } from 'commander';
import { resolve, join } from 'node:path';
import { checkLang } from '../../report/index.js';
import { checkFormat, readResultsFolder, renderReport, writeFileAtomic } from '../../report/node/index.js';
import { STDOUT, type CommandOutput } from '../output.js';

interface ReportFlags {
  lang: string;
  format: string;
  out?: string;
}

export function registerReportCommand(program: Command, output: CommandOutput = STDOUT): Command {
  return program
    .command('report')
    .description('Write the report of a results folder (from `evaluate --out`): HTML, PDF or an Excel workbook, in Chinese or English.')
    .argument('<dir>', 'results folder written by `chuneng evaluate PROJECT --out DIR`')
    .option('--lang <lang>', 'language: zh or en', 'en')
    .option('--format <format>', 'html, pdf or xlsx', 'html')
    .option('--out <file>', 'where to write the report (default: DIR/report.<format>)')
    .action(async (dir: string, flags: ReportFlags) => {
      const lang = checkLang(flags.lang, '--lang');
      const format = checkFormat(flags.format, '--format');
      const folder = readResultsFolder(dir);
      const report = await renderReport(folder, lang, format);
      const path = flags.out ? resolve(flags.out) : join(resolve(dir), report.fileName);
      writeFileAtomic(path, report.body);
      output.out(`wrote ${path} (${report.body.length} bytes)\n`);
    });
}
