/**
 * One progress bar over a whole evaluation, from the library's stage events: where each stage of a plant's
 * evaluation starts and ends as a fraction of that plant's run (roughly as long as they last for a template plant;
 * a plant given by its performance skips the plant cycle and the replay), the plants before it counting whole.
 * The web app's worker and the server's run worker show the same bar from this one table.
 */

/** Each stage's [start, end] within one plant's run. */
export const STAGE_SHARES: Readonly<Record<string, readonly [start: number, end: number]>> = {
  'plant model': [0, 0.05],
  'plant cycle': [0.05, 0.4],
  dispatch: [0.4, 0.75],
  replay: [0.75, 0.85],
  finance: [0.85, 0.88],
  sensitivity: [0.88, 0.94],
  'Monte Carlo': [0.94, 1],
};

type StageEvent = { readonly stage: string; readonly done: number; readonly total: number };

/** How far into its own run a plant is at a stage event, in [0, 1]. */
function plantShare(event: StageEvent): number {
  // an unknown stage (a recycling plant's one step) counts at its plant's start
  const [start, end] = STAGE_SHARES[event.stage] ?? [0, 0];
  const within = event.total > 0 ? Math.min(1, Math.max(0, event.done / event.total)) : 0;
  return start + (end - start) * within;
}

/** The whole run's progress in [0, 1] at a stage event of plant `index` (0-based) of `count`. */
export function runProgress(index: number, count: number, event: StageEvent): number {
  return Math.min(1, (index + plantShare(event)) / Math.max(1, count));
}

/**
 * The run's progress when plants overlap (the command line's dispatch thread lets a plant's last stages arrive after
 * the next plant has begun): each plant's own share, which only climbs, summed over the plants. Never goes back.
 */
export class RunProgress {
  private readonly shares: Float64Array;
  constructor(readonly count: number) {
    this.shares = new Float64Array(Math.max(1, count));
  }
  /** The whole run's progress in [0, 1] after a stage event of plant `index` (0-based). */
  update(index: number, event: StageEvent): number {
    if (index >= 0 && index < this.shares.length) this.shares[index] = Math.max(this.shares[index], plantShare(event));
    return this.value();
  }
  /** Plant `index` is done. */
  finish(index: number): number {
    if (index >= 0 && index < this.shares.length) this.shares[index] = 1;
    return this.value();
  }
  value(): number {
    let sum = 0;
    for (const s of this.shares) sum += s;
    return Math.min(1, sum / this.shares.length);
  }
}
