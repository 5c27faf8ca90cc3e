/**
 * The store's schema as data: migration n takes a database from `PRAGMA user_version` n − 1 to n, in one
 * transaction. Append new migrations; never edit one that has shipped (a data folder may already be past it).
 *
 * projects          one row per project: its name and latest version
 * project_versions  every saved version: the project file as JSON (as the user wrote it, units in strings) and the
 *                   files uploaded with it ({ name: text }, content — never paths on the server)
 * runs              one evaluation of one version: status, progress, stage, timings, the error as JSON, the language
 *                   its messages are in
 * results           the results.json text of a finished run
 * result_plants     per plant, as soon as it is done: its part of results.json, its hourly schedule (ScheduleData
 *                   JSON) and yearly cash flow (JSON), and both as the CSV texts `evaluate --out` writes
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'projects, versions, runs and results',
    sql: `
      CREATE TABLE projects (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        latest_version INTEGER NOT NULL CHECK (latest_version >= 1),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      );
      CREATE TABLE project_versions (
        project_id   TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        version      INTEGER NOT NULL CHECK (version >= 1),
        name         TEXT NOT NULL,
        project_json TEXT NOT NULL,
        files_json   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        PRIMARY KEY (project_id, version)
      );
      CREATE TABLE runs (
        id          TEXT PRIMARY KEY,
        project_id  TEXT NOT NULL,
        version     INTEGER NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),
        progress    REAL NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
        stage       TEXT,
        plant       TEXT,
        lang        TEXT NOT NULL CHECK (lang IN ('en', 'zh')),
        created_at  TEXT NOT NULL,
        started_at  TEXT,
        finished_at TEXT,
        seconds     REAL,
        error_json  TEXT,
        FOREIGN KEY (project_id, version) REFERENCES project_versions(project_id, version) ON DELETE CASCADE
      );
      CREATE INDEX runs_by_project ON runs(project_id, created_at);
      CREATE INDEX runs_by_status ON runs(status);
      CREATE TABLE results (
        run_id       TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        results_json TEXT NOT NULL
      );
      CREATE TABLE result_plants (
        run_id         TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        plant_index    INTEGER NOT NULL CHECK (plant_index >= 0),
        name           TEXT NOT NULL,
        plant_json     TEXT NOT NULL,
        schedule_json  TEXT NOT NULL,
        cash_flow_json TEXT NOT NULL,
        schedule_csv   TEXT NOT NULL,
        cash_flow_csv  TEXT NOT NULL,
        PRIMARY KEY (run_id, plant_index)
      );
    `,
  },
];
