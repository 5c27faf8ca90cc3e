#!/usr/bin/env node
/**
 * The `chuneng` command line. Each command lives in src/cli/commands/ and registers itself here; the commands are
 * thin adapters over the library. Errors are printed as one clear line (the library's message) with exit code 1.
 */
import { Command, CommanderError } from 'commander';
import { registerPropsCommand } from './commands/props.js';
import { registerDispatchCommand } from './commands/dispatch.js';
import { registerSolveCommand } from './commands/solve.js';
import { registerEvaluateCommand } from './commands/evaluate.js';
import { registerSimulateCommand } from './commands/simulate.js';
import { registerServeCommand } from './commands/serve.js';
import { registerReportCommand } from './commands/report.js';

export function buildProgram(): Command {
  const program = new Command('chuneng')
    .description('Chuneng (储能): design and judge energy-storage plants — fluid properties, plant networks, dispatch and finance.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)');
  registerPropsCommand(program);
  registerEvaluateCommand(program);
  registerSimulateCommand(program);
  registerSolveCommand(program);
  registerDispatchCommand(program);
  registerServeCommand(program);
  registerReportCommand(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    process.stderr.write(`chuneng: ${(e as Error).message}\n`);
    return 1;
  }
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
