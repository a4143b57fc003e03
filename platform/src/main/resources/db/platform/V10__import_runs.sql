-- The imports of existing records (存量导入, docs/decisions/0035) run as batches: what was sent, by whom, how far it
-- is (rows of the file, counted while it runs) and, when it ended, its report or why the file was refused. Kept in
-- the database, so any replica answers for a batch another one runs; updated_at is the running replica's heartbeat.
CREATE TABLE import_run (
    id               UUID         PRIMARY KEY,
    file_name        VARCHAR(200) NOT NULL,
    importer_id      VARCHAR(255) NOT NULL,
    importer_region  VARCHAR(12)  NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    rows_total       INTEGER      NOT NULL DEFAULT 0,
    rows_validated   INTEGER      NOT NULL DEFAULT 0,
    rows_written     INTEGER      NOT NULL DEFAULT 0,
    rows_refused     INTEGER      NOT NULL DEFAULT 0,
    report           JSONB,
    problem_code     VARCHAR(80),
    problem_detail   TEXT,
    accepted_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at      TIMESTAMPTZ
);
