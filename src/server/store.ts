/**
 * The project store: one SQLite file (better-sqlite3) in the data folder, holding every saved version of every
 * project, every run with its status, progress and timings, and the results of finished runs.
 *
 * Durability: WAL journal with `synchronous = FULL` (a transaction that has returned survives a power cut, not only
 * a killed process), foreign keys on, every write in one transaction. The connection holds the database in
 * EXCLUSIVE locking mode, so a second server on the same folder is refused with a clear message instead of both
 * marking each other's runs interrupted; the lock is the operating system's and goes with a killed process.
 * The schema comes from ./migrations.ts (PRAGMA user_version counts the migrations applied).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';

export type Lang = 'en' | 'zh';
export const RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** Statuses a run never leaves. */
export const FINISHED_STATUSES: ReadonlySet<RunStatus> = new Set(['done', 'failed', 'cancelled', 'interrupted']);

/** Files uploaded with a project: name → text. */
export type ProjectFiles = Readonly<Record<string, string>>;

export interface ProjectSummary {
  readonly id: string;
  readonly name: string;
  /** The latest version. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ProjectRecord extends ProjectSummary {
  /** The project file as JSON, as it was saved (units in strings). */
  readonly project: unknown;
  readonly files: ProjectFiles;
}

export interface VersionInfo {
  readonly version: number;
  readonly name: string;
  readonly createdAt: string;
}

/** Why a run failed, as data (the same shape as an HTTP error without the status). */
export interface RunError {
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly object[];
}

export interface RunRecord {
  readonly id: string;
  readonly projectId: string;
  readonly version: number;
  readonly status: RunStatus;
  /** 0 … 1 */
  readonly progress: number;
  readonly stage: string | null;
  readonly plant: string | null;
  readonly lang: Lang;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  /** Wall time of the evaluation. Unit: s */
  readonly seconds: number | null;
  readonly error: RunError | null;
}

/** What a run stores of one plant as soon as it is done; every field is JSON or CSV text. */
export interface PlantResultTexts {
  readonly name: string;
  readonly plantJson: string;
  readonly scheduleJson: string;
  readonly cashFlowJson: string;
  readonly scheduleCsv: string;
  readonly cashFlowCsv: string;
}
export type PlantResultColumn = Exclude<keyof PlantResultTexts, 'name'>;

/** The folder is in use by another server process. */
export class StoreLockedError extends Error {
  constructor(path: string) {
    super(`the data folder's database ${path} is in use by another process (another "chuneng serve" on the same --data folder?); stop it or choose another --data folder`);
    this.name = 'StoreLockedError';
  }
}

/** A save against an older version than the latest (optimistic concurrency). */
export class StaleVersionError extends Error {
  readonly latest: number;
  readonly base: number;
  constructor(base: number, latest: number) {
    super(`the project was saved as version ${latest} since version ${base} was read; reload it and apply the changes again`);
    this.name = 'StaleVersionError';
    this.latest = latest;
    this.base = base;
  }
}

export const DATABASE_FILE = 'chuneng.sqlite';

interface RunRow {
  id: string;
  project_id: string;
  version: number;
  status: RunStatus;
  progress: number;
  stage: string | null;
  plant: string | null;
  lang: Lang;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  seconds: number | null;
  error_json: string | null;
}

const now = () => new Date().toISOString();

function runFromRow(r: RunRow): RunRecord {
  return {
    id: r.id,
    projectId: r.project_id,
    version: r.version,
    status: r.status,
    progress: r.progress,
    stage: r.stage,
    plant: r.plant,
    lang: r.lang,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    seconds: r.seconds,
    error: r.error_json === null ? null : (JSON.parse(r.error_json) as RunError),
  };
}

export class Store {
  readonly path: string;
  private readonly db: Database.Database;

  /** The store's one connection, for tables kept beside the store's own (the study tables of study-store.ts). */
  get connection(): Database.Database {
    return this.db;
  }
  private readonly statements: ReturnType<typeof prepare>;

  private constructor(path: string, db: Database.Database) {
    this.path = path;
    this.db = db;
    this.statements = prepare(db);
  }

  /** Opens (creating if needed) the store of a data folder and brings its schema up to date. */
  static open(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): Store {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, DATABASE_FILE);
    const db = new Database(path, { timeout: 2000 });
    try {
      // EXCLUSIVE before the first WAL access: no shared-memory index, and the lock is held from the first write on
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.exec('BEGIN EXCLUSIVE; COMMIT;');
      migrate(db, migrations);
    } catch (e) {
      db.close();
      if ((e as { code?: string }).code === 'SQLITE_BUSY') throw new StoreLockedError(path);
      throw e;
    }
    return new Store(path, db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The database's settings as SQLite reports them (for tests and the health of a deployment). */
  settings(): { journalMode: string; synchronous: number; foreignKeys: number; lockingMode: string; userVersion: number } {
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: this.db.pragma('synchronous', { simple: true }) as number,
      foreignKeys: this.db.pragma('foreign_keys', { simple: true }) as number,
      lockingMode: this.db.pragma('locking_mode', { simple: true }) as string,
      userVersion: this.db.pragma('user_version', { simple: true }) as number,
    };
  }

  // --- projects -----------------------------------------------------------------------------------------------

  createProject(input: { name: string; project: unknown; files?: ProjectFiles }): ProjectSummary {
    const id = randomUUID();
    const at = now();
    const s = this.statements;
    this.db.transaction(() => {
      s.insertProject.run(id, input.name, 1, at, at);
      s.insertVersion.run(id, 1, input.name, JSON.stringify(input.project), JSON.stringify(input.files ?? {}), at);
    })();
    return { id, name: input.name, version: 1, createdAt: at, updatedAt: at };
  }

  /**
   * Saves a new version. The name and files default to the latest version's. With `baseVersion`, a save based on
   * an older version than the latest throws StaleVersionError. Returns undefined for an unknown project.
   */
  updateProject(id: string, input: { name?: string; project: unknown; files?: ProjectFiles; baseVersion?: number }): ProjectSummary | undefined {
    const s = this.statements;
    const at = now();
    return this.db.transaction((): ProjectSummary | undefined => {
      const current = s.getProject.get(id) as { name: string; latest_version: number; created_at: string } | undefined;
      if (!current) return undefined;
      if (input.baseVersion !== undefined && input.baseVersion !== current.latest_version) throw new StaleVersionError(input.baseVersion, current.latest_version);
      const version = current.latest_version + 1;
      const name = input.name ?? current.name;
      const files = input.files ?? (JSON.parse((s.getVersionFiles.get(id, current.latest_version) as { files_json: string }).files_json) as ProjectFiles);
      s.insertVersion.run(id, version, name, JSON.stringify(input.project), JSON.stringify(files), at);
      s.updateProject.run(name, version, at, id);
      return { id, name, version, createdAt: current.created_at, updatedAt: at };
    })();
  }

  listProjects(): ProjectSummary[] {
    return (this.statements.listProjects.all() as { id: string; name: string; latest_version: number; created_at: string; updated_at: string }[]).map((r) => ({
      id: r.id,
      name: r.name,
      version: r.latest_version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  /** A project at a version (default: the latest); `updatedAt` is when that version was saved. */
  getProject(id: string, version?: number): ProjectRecord | undefined {
    const s = this.statements;
    const p = s.getProject.get(id) as { name: string; latest_version: number; created_at: string } | undefined;
    if (!p) return undefined;
    const v = s.getVersion.get(id, version ?? p.latest_version) as { version: number; name: string; project_json: string; files_json: string; created_at: string } | undefined;
    if (!v) return undefined;
    return { id, name: v.name, version: v.version, project: JSON.parse(v.project_json), files: JSON.parse(v.files_json) as ProjectFiles, createdAt: p.created_at, updatedAt: v.created_at };
  }

  /** Every saved version, oldest first; undefined for an unknown project. */
  listVersions(id: string): VersionInfo[] | undefined {
    if (!this.statements.getProject.get(id)) return undefined;
    return (this.statements.listVersions.all(id) as { version: number; name: string; created_at: string }[]).map((r) => ({ version: r.version, name: r.name, createdAt: r.created_at }));
  }

  /** Deletes a project with its versions, runs and results. False when there was no such project. */
  deleteProject(id: string): boolean {
    return this.db.transaction(() => this.statements.deleteProject.run(id).changes > 0)();
  }

  // --- runs ---------------------------------------------------------------------------------------------------

  createRun(projectId: string, version: number, lang: Lang): RunRecord {
    const id = randomUUID();
    const at = now();
    this.db.transaction(() => this.statements.insertRun.run(id, projectId, version, lang, at))();
    return this.getRun(id)!;
  }

  getRun(id: string): RunRecord | undefined {
    const r = this.statements.getRun.get(id) as RunRow | undefined;
    return r && runFromRow(r);
  }

  /** Runs, newest first, at most `limit`; of one project when given. */
  listRuns(projectId?: string, limit = 1000): RunRecord[] {
    const rows = (projectId === undefined ? this.statements.listRuns.all(limit) : this.statements.listRunsOfProject.all(projectId, limit)) as RunRow[];
    return rows.map(runFromRow);
  }

  /** Runs not finished (queued or running) of a project. */
  activeRuns(projectId: string): RunRecord[] {
    return (this.statements.activeRunsOfProject.all(projectId) as RunRow[]).map(runFromRow);
  }

  markRunning(id: string): void {
    this.db.transaction(() => this.statements.markRunning.run(now(), id))();
  }

  setProgress(id: string, progress: number, stage: string | null, plant: string | null): void {
    this.db.transaction(() => this.statements.setProgress.run(Math.min(1, Math.max(0, progress)), stage, plant, id))();
  }

  /** Stores one plant's results as soon as it is done (a run's results arrive as they are computed). */
  savePlant(runId: string, index: number, plant: PlantResultTexts): void {
    this.db.transaction(() =>
      this.statements.insertPlant.run(runId, index, plant.name, plant.plantJson, plant.scheduleJson, plant.cashFlowJson, plant.scheduleCsv, plant.cashFlowCsv),
    )();
  }

  /**
   * Marks a running run done and stores its results.json text, in one transaction. False (and nothing stored) when
   * the run is no longer running (cancelled or interrupted meanwhile).
   */
  finishRun(id: string, resultsJson: string, seconds: number): boolean {
    return this.db.transaction(() => {
      if (this.statements.finishRun.run(now(), seconds, id).changes === 0) return false;
      this.statements.insertResults.run(id, resultsJson);
      return true;
    })();
  }

  /**
   * Ends a queued or running run as failed, cancelled or interrupted, with its error; a run already finished is
   * left as it is. Returns whether the run was changed.
   */
  endRun(id: string, status: Exclude<RunStatus, 'queued' | 'running' | 'done'>, error: RunError | null, seconds: number | null = null): boolean {
    return this.db.transaction(() => this.statements.endRun.run(status, now(), seconds, error === null ? null : JSON.stringify(error), id).changes > 0)();
  }

  /**
   * Marks every run left queued or running (by a process that was killed) as interrupted, with the error in the
   * run's language; returns how many.
   */
  interruptUnfinished(errorFor: (lang: Lang) => RunError): number {
    const at = now();
    return this.db.transaction(() => {
      let n = 0;
      for (const lang of ['en', 'zh'] as const) n += this.statements.interruptAll.run(at, JSON.stringify(errorFor(lang)), lang).changes;
      return n;
    })();
  }

  /** The results.json text of a finished run. */
  getResultsJson(runId: string): string | undefined {
    return (this.statements.getResults.get(runId) as { results_json: string } | undefined)?.results_json;
  }

  /** One stored text of one plant of a run (available as soon as that plant is done). */
  getPlantText(runId: string, index: number, column: PlantResultColumn): { name: string; text: string } | undefined {
    const row = this.statements.getPlant[column].get(runId, index) as { name: string; text: string } | undefined;
    return row && { name: row.name, text: row.text };
  }

  /** Indices and names of the plants of a run stored so far. */
  plantsDone(runId: string): { index: number; name: string }[] {
    return (this.statements.plantsDone.all(runId) as { plant_index: number; name: string }[]).map((r) => ({ index: r.plant_index, name: r.name }));
  }
}

function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
  if (current > latest) {
    throw new Error(`the database was written by a newer chuneng (schema version ${current}; this one knows up to ${latest}); upgrade chuneng or use another --data folder`);
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

const PLANT_COLUMNS: Record<PlantResultColumn, string> = {
  plantJson: 'plant_json',
  scheduleJson: 'schedule_json',
  cashFlowJson: 'cash_flow_json',
  scheduleCsv: 'schedule_csv',
  cashFlowCsv: 'cash_flow_csv',
};

function prepare(db: Database.Database) {
  const runColumns = 'id, project_id, version, status, progress, stage, plant, lang, created_at, started_at, finished_at, seconds, error_json';
  return {
    insertProject: db.prepare('INSERT INTO projects (id, name, latest_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    insertVersion: db.prepare('INSERT INTO project_versions (project_id, version, name, project_json, files_json, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    updateProject: db.prepare('UPDATE projects SET name = ?, latest_version = ?, updated_at = ? WHERE id = ?'),
    getProject: db.prepare('SELECT name, latest_version, created_at FROM projects WHERE id = ?'),
    getVersion: db.prepare('SELECT version, name, project_json, files_json, created_at FROM project_versions WHERE project_id = ? AND version = ?'),
    getVersionFiles: db.prepare('SELECT files_json FROM project_versions WHERE project_id = ? AND version = ?'),
    listProjects: db.prepare('SELECT id, name, latest_version, created_at, updated_at FROM projects ORDER BY updated_at DESC, id'),
    listVersions: db.prepare('SELECT version, name, created_at FROM project_versions WHERE project_id = ? ORDER BY version'),
    deleteProject: db.prepare('DELETE FROM projects WHERE id = ?'),
    insertRun: db.prepare("INSERT INTO runs (id, project_id, version, status, progress, lang, created_at) VALUES (?, ?, ?, 'queued', 0, ?, ?)"),
    getRun: db.prepare(`SELECT ${runColumns} FROM runs WHERE id = ?`),
    listRuns: db.prepare(`SELECT ${runColumns} FROM runs ORDER BY created_at DESC, rowid DESC LIMIT ?`),
    listRunsOfProject: db.prepare(`SELECT ${runColumns} FROM runs WHERE project_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`),
    activeRunsOfProject: db.prepare(`SELECT ${runColumns} FROM runs WHERE project_id = ? AND status IN ('queued', 'running')`),
    markRunning: db.prepare("UPDATE runs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'"),
    setProgress: db.prepare("UPDATE runs SET progress = ?, stage = ?, plant = ? WHERE id = ? AND status = 'running'"),
    insertPlant: db.prepare(
      'INSERT OR REPLACE INTO result_plants (run_id, plant_index, name, plant_json, schedule_json, cash_flow_json, schedule_csv, cash_flow_csv) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertResults: db.prepare('INSERT INTO results (run_id, results_json) VALUES (?, ?)'),
    finishRun: db.prepare("UPDATE runs SET status = 'done', progress = 1, stage = NULL, plant = NULL, finished_at = ?, seconds = ?, error_json = NULL WHERE id = ? AND status = 'running'"),
    endRun: db.prepare("UPDATE runs SET status = ?, finished_at = ?, seconds = ?, error_json = ? WHERE id = ? AND status IN ('queued', 'running')"),
    interruptAll: db.prepare("UPDATE runs SET status = 'interrupted', finished_at = ?, error_json = ? WHERE status IN ('queued', 'running') AND lang = ?"),
    getResults: db.prepare('SELECT results_json FROM results WHERE run_id = ?'),
    getPlant: Object.fromEntries(
      Object.entries(PLANT_COLUMNS).map(([key, column]) => [key, db.prepare(`SELECT name, ${column} AS text FROM result_plants WHERE run_id = ? AND plant_index = ?`)]),
    ) as Record<PlantResultColumn, Database.Statement>,
    plantsDone: db.prepare('SELECT plant_index, name FROM result_plants WHERE run_id = ? ORDER BY plant_index'),
  };
}
