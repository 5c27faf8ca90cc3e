/** Where a command writes: process.stdout/stderr by default; tests pass their own sinks. */
export interface CommandOutput {
  readonly out: (text: string) => void;
  readonly err?: (text: string) => void;
}

export const STDOUT: CommandOutput = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** A plain text table: columns padded to their widest cell. */
export function textTable(rows: readonly (readonly string[])[], header?: readonly string[]): string {
  const all = header ? [header, ...rows] : rows;
  const widths = all[0].map((_, j) => Math.max(...all.map((r) => (r[j] ?? '').length)));
  const line = (r: readonly string[]) => r.map((cell, j) => cell.padEnd(widths[j])).join('  ').trimEnd();
  const out = all.map(line);
  if (header) out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return out.join('\n') + '\n';
}
