/** What the routes work with: the store, the runs, the limits, and where the package's files are. */
import type { ServerLimits } from './limits.js';
import type { RunManager } from './runs.js';
import type { ReportRenderer } from './report-jobs.js';
import type { Store } from './store.js';

export interface Services {
  readonly store: Store;
  readonly runs: RunManager;
  readonly reports: ReportRenderer;
  readonly limits: ServerLimits;
  /** The package's version (package.json). */
  readonly version: string;
  /** The example projects offered by /api/examples (examples/luoyang). */
  readonly examplesDir: string;
  /** The built web app (dist/web). */
  readonly webDir: string;
}
