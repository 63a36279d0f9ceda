-- The engine's durable state: runs, the job instances of each run, the attempts of each instance
-- and an append-only log of every transition. Timestamps are UTC instants with nanoseconds, so that
-- what the engine wrote is exactly what it reads back after a crash.

CREATE TABLE runs (
  id               VARCHAR(64)                 NOT NULL PRIMARY KEY,
  workflow_name    VARCHAR                     NOT NULL,
  workflow_file    VARCHAR,
  workflow_yaml    CLOB                        NOT NULL,
  state            VARCHAR(16)                 NOT NULL,
  run_dir          VARCHAR                     NOT NULL,
  created_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  ended_at         TIMESTAMP(9) WITH TIME ZONE,
  cancel_requested BOOLEAN DEFAULT FALSE       NOT NULL
);

CREATE INDEX runs_by_state ON runs (state);

-- One row per parameter: no encoding to get wrong, whatever the value holds.
CREATE TABLE run_params (
  run_id      VARCHAR(64) NOT NULL REFERENCES runs (id),
  param_name  VARCHAR     NOT NULL,
  param_value VARCHAR     NOT NULL,
  PRIMARY KEY (run_id, param_name)
);

-- pos keeps the plan order in which the run was created, for listings and for recovery.
CREATE TABLE jobs (
  run_id      VARCHAR(64)                 NOT NULL REFERENCES runs (id),
  instance_id VARCHAR                     NOT NULL,
  pos         BIGINT                      NOT NULL,
  job         VARCHAR                     NOT NULL,
  idx         BIGINT                      NOT NULL,
  state       VARCHAR(16)                 NOT NULL,
  attempt     INT                         NOT NULL,
  token       VARCHAR(128),
  site        VARCHAR,
  native_id   VARCHAR,
  exit_code   INT,
  retry_at    TIMESTAMP(9) WITH TIME ZONE,
  started_at  TIMESTAMP(9) WITH TIME ZONE,
  ended_at    TIMESTAMP(9) WITH TIME ZONE,
  updated_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  PRIMARY KEY (run_id, instance_id)
);

CREATE UNIQUE INDEX jobs_in_plan_order ON jobs (run_id, pos);

CREATE INDEX jobs_by_token ON jobs (token);

-- One row per attempt, written when it is submitted and when it ends; outcome is null meanwhile.
CREATE TABLE attempts (
  run_id       VARCHAR(64)                 NOT NULL,
  instance_id  VARCHAR                     NOT NULL,
  attempt      INT                         NOT NULL,
  token        VARCHAR(128)                NOT NULL UNIQUE,
  site         VARCHAR,
  native_id    VARCHAR,
  outcome      VARCHAR(16),
  exit_code    INT,
  submitted_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  started_at   TIMESTAMP(9) WITH TIME ZONE,
  ended_at     TIMESTAMP(9) WITH TIME ZONE,
  reason       VARCHAR,
  PRIMARY KEY (run_id, instance_id, attempt),
  FOREIGN KEY (run_id, instance_id) REFERENCES jobs (run_id, instance_id)
);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE events (
  seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id      VARCHAR(64)                 NOT NULL,
  instance_id VARCHAR                     NOT NULL,
  at          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  from_state  VARCHAR(16)                 NOT NULL,
  to_state    VARCHAR(16)                 NOT NULL,
  detail      VARCHAR
);

CREATE INDEX events_by_instance ON events (run_id, instance_id);
