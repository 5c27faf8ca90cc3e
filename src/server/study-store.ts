/**
 * Studies in SQLite: each study (by its hash) with its input, and each finished case — its values, outputs or error,
 * wall time and the worker that computed it — written in its own transaction the moment it completes. A study
 * started again reads which cases are done and runs only the others, so a study killed at any moment loses at
 * most the cases that were being computed.
 *
 * The same tables live in the workbench's store (src/server/store.ts: its connection, given to StudyStore.on) or,
 * for the CLI without a server, in `study.sqlite` of the study's output folder. The tables keep their own schema
 * version (study_migrations), so they can be added to a database whatever its PRAGMA user_version is.
 * Durability as the store's: WAL, synchronous = FULL (a case whose write has returned survives a power cut).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { CaseResult } from '../project/study/case.js';

export interface StudyMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * studies      one row per study: its name, the study file's value, the project and files (StudyInput JSON), the
 *              number of cases when known (an NSGA-II study grows generation by generation), its analysis
 * study_cases  one row per finished case: values and outputs (JSON arrays in the parameters' and outputs' units),
 *              or the error; seconds; the worker; when
 */
export const STUDY_MIGRATIONS: readonly StudyMigration[] = [
  {
    version: 1,
    name: 'studies and their cases',
    sql: `
      CREATE TABLE studies (
        hash          TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        input_json    TEXT NOT NULL,
        cases         INTEGER,
        analysis_json TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE TABLE study_cases (
        study_hash   TEXT NOT NULL REFERENCES studies(hash) ON DELETE CASCADE,
        case_index   INTEGER NOT NULL CHECK (case_index >= 0),
        values_json  TEXT NOT NULL,
        outputs_json TEXT,
        error        TEXT,
        seconds      REAL NOT NULL,
        worker       TEXT,
        finished_at  TEXT NOT NULL,
        PRIMARY KEY (study_hash, case_index),
        CHECK ((outputs_json IS NULL) <> (error IS NULL))
      );
    `,
  },
];

export const STUDY_DATABASE_FILE = 'study.sqlite';

export interface StudyRecord {
  readonly hash: string;
  readonly name: string;
  readonly input: unknown;
  readonly cases: number | null;
  readonly analysis: unknown;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface StoredCase extends CaseResult {
  readonly worker: string | null;
  readonly finishedAt: string;
}

const now = () => new Date().toISOString();

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS study_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM study_migrations').all() as { version: number }[]).map((r) => r.version));
  const latest = STUDY_MIGRATIONS[STUDY_MIGRATIONS.length - 1].version;
  const newest = Math.max(0, ...applied);
  if (newest > latest) throw new Error(`the study tables were written by a newer chuneng (study schema ${newest}; this one knows up to ${latest})`);
  for (const m of STUDY_MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO study_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now());
    })();
  }
}

interface CaseRow {
  case_index: number;
  values_json: string;
  outputs_json: string | null;
  error: string | null;
  seconds: number;
  worker: string | null;
  finished_at: string;
}

export class StudyStore {
  private readonly statements: ReturnType<typeof prepare>;
  private constructor(
    private readonly db: Database.Database,
    private readonly owned: boolean,
  ) {
    migrate(db);
    this.statements = prepare(db);
  }

  /** The study tables in their own SQLite file (the CLI's output folder); created with its folder if needed. */
  static openFile(path: string): StudyStore {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path, { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return new StudyStore(db, true);
  }

  /** The study tables on an open connection (the workbench's store); closing this StudyStore leaves it open. */
  static on(db: Database.Database): StudyStore {
    return new StudyStore(db, false);
  }

  close(): void {
    if (this.owned && this.db.open) this.db.close();
  }

  /** Records a study (a study already there keeps its cases); a number of cases updates the one known (null: unknown yet). */
  registerStudy(hash: string, name: string, input: unknown, cases: number | null): void {
    const at = now();
    this.db.transaction(() => {
      this.statements.insertStudy.run(hash, name, JSON.stringify(input), cases, at, at);
      if (cases !== null) this.statements.setCases.run(cases, at, hash);
    })();
  }

  getStudy(hash: string): StudyRecord | undefined {
    const r = this.statements.getStudy.get(hash) as
      | { hash: string; name: string; input_json: string; cases: number | null; analysis_json: string | null; created_at: string; updated_at: string }
      | undefined;
    return (
      r && {
        hash: r.hash,
        name: r.name,
        input: JSON.parse(r.input_json),
        cases: r.cases,
        analysis: r.analysis_json === null ? null : JSON.parse(r.analysis_json),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      }
    );
  }

  /** Studies, newest first: hash, name, cases known and finished. */
  listStudies(): { hash: string; name: string; cases: number | null; finished: number; failed: number; updatedAt: string }[] {
    return (this.statements.listStudies.all() as { hash: string; name: string; cases: number | null; finished: number; failed: number; updated_at: string }[]).map((r) => ({
      hash: r.hash,
      name: r.name,
      cases: r.cases,
      finished: r.finished,
      failed: r.failed,
      updatedAt: r.updated_at,
    }));
  }

  /**
   * Stores a finished case in its own transaction. A case stored before (computed twice: a worker that died after
   * finishing, a study submitted twice) keeps its first result; returns whether this one was stored.
   */
  saveCase(hash: string, result: CaseResult, worker: string | null = null): boolean {
    return this.db.transaction(
      () =>
        this.statements.insertCase.run(
          hash,
          result.index,
          JSON.stringify(result.values),
          result.outputs === null ? null : JSON.stringify(result.outputs),
          result.outputs === null ? (result.error ?? 'failed') : null,
          result.seconds,
          worker,
          now(),
        ).changes > 0,
    )();
  }

  /** Indices of the cases finished (done or failed). */
  finishedIndices(hash: string): Set<number> {
    return new Set((this.statements.indices.all(hash) as { case_index: number }[]).map((r) => r.case_index));
  }

  /** Every finished case, by index. */
  cases(hash: string): StoredCase[] {
    return (this.statements.cases.all(hash) as CaseRow[]).map((r) => ({
      index: r.case_index,
      values: JSON.parse(r.values_json) as number[],
      outputs: r.outputs_json === null ? null : (JSON.parse(r.outputs_json) as (number | null)[]),
      error: r.error,
      seconds: r.seconds,
      worker: r.worker,
      finishedAt: r.finished_at,
    }));
  }

  setAnalysis(hash: string, analysis: unknown): void {
    this.db.transaction(() => this.statements.setAnalysis.run(JSON.stringify(analysis), now(), hash))();
  }
}

function prepare(db: Database.Database) {
  return {
    insertStudy: db.prepare('INSERT OR IGNORE INTO studies (hash, name, input_json, cases, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
    setCases: db.prepare('UPDATE studies SET cases = ?, updated_at = ? WHERE hash = ?'),
    getStudy: db.prepare('SELECT hash, name, input_json, cases, analysis_json, created_at, updated_at FROM studies WHERE hash = ?'),
    listStudies: db.prepare(
      `SELECT s.hash, s.name, s.cases, s.updated_at, COUNT(c.case_index) AS finished, COALESCE(SUM(c.error IS NOT NULL), 0) AS failed
       FROM studies s LEFT JOIN study_cases c ON c.study_hash = s.hash GROUP BY s.hash ORDER BY s.updated_at DESC`,
    ),
    insertCase: db.prepare(
      'INSERT OR IGNORE INTO study_cases (study_hash, case_index, values_json, outputs_json, error, seconds, worker, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    indices: db.prepare('SELECT case_index FROM study_cases WHERE study_hash = ?'),
    cases: db.prepare('SELECT case_index, values_json, outputs_json, error, seconds, worker, finished_at FROM study_cases WHERE study_hash = ? ORDER BY case_index'),
    setAnalysis: db.prepare('UPDATE studies SET analysis_json = ?, updated_at = ? WHERE hash = ?'),
  };
}
