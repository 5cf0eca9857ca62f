-- The store of `breakout serve` (H2 by default, PostgreSQL by JDBC URL): portable SQL only.

CREATE TABLE organiser (
    id          BIGINT PRIMARY KEY,
    token_hash  VARCHAR(64) UNIQUE,
    created_at  TIMESTAMP NOT NULL
);

CREATE TABLE event (
    id            VARCHAR(32) PRIMARY KEY,
    organiser_id  BIGINT NOT NULL REFERENCES organiser (id),
    name          VARCHAR(500) NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    programme     TEXT NOT NULL,
    current_input TEXT NOT NULL,
    input_upload  VARCHAR(32)
);

CREATE TABLE upload (
    id          VARCHAR(32) PRIMARY KEY,
    event_id    VARCHAR(32) NOT NULL REFERENCES event (id),
    kind        VARCHAR(20) NOT NULL,
    file_name   VARCHAR(255) NOT NULL,
    size_bytes  BIGINT NOT NULL,
    content     BYTEA NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    status      VARCHAR(20) NOT NULL,
    columns     TEXT,
    report      TEXT,
    imported    TEXT
);

CREATE TABLE job (
    id            VARCHAR(32) PRIMARY KEY,
    event_id      VARCHAR(32) NOT NULL REFERENCES event (id),
    kind          VARCHAR(20) NOT NULL,
    state         VARCHAR(20) NOT NULL,
    options       TEXT NOT NULL,
    input         TEXT NOT NULL,
    base_version  VARCHAR(32),
    upload_id     VARCHAR(32),
    created_at    TIMESTAMP NOT NULL,
    started_at    TIMESTAMP,
    finished_at   TIMESTAMP,
    progress      TEXT,
    best          TEXT,
    error         TEXT,
    version_id    VARCHAR(32)
);

CREATE TABLE schedule_version (
    id            VARCHAR(32) PRIMARY KEY,
    event_id      VARCHAR(32) NOT NULL REFERENCES event (id),
    number        INTEGER NOT NULL,
    job_id        VARCHAR(32),
    origin        VARCHAR(20) NOT NULL,
    document      TEXT NOT NULL,
    score         VARCHAR(100),
    created_at    TIMESTAMP NOT NULL,
    published_at  TIMESTAMP,
    change_report TEXT,
    notify_csv    TEXT,
    UNIQUE (event_id, number)
);

CREATE INDEX job_event ON job (event_id);
CREATE INDEX version_event ON schedule_version (event_id);
CREATE INDEX upload_event ON upload (event_id);
