-- Up Migration

-- What each run found: its data checks (etl/model/checks), objects it could not read, and the
-- daily reconciliation of the lake's partitions against the manifest.
ALTER TABLE etl_run
  ADD COLUMN passes integer NOT NULL DEFAULT 0,
  ADD COLUMN backlog boolean NOT NULL DEFAULT false,
  ADD COLUMN checks_failed integer,
  ADD COLUMN checks_warned integer;

CREATE TABLE etl_data_check (
  run_id      bigint NOT NULL REFERENCES etl_run (run_id),
  check_name  text NOT NULL,
  severity    text NOT NULL CHECK (severity IN ('error', 'warn')),
  -- Rows breaking the rule, over the days the run rebuilt.
  failures    integer NOT NULL,
  sample      jsonb NOT NULL DEFAULT '[]',
  checked_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, check_name)
);

-- Raw objects a GET failed for. Retried by later runs; quarantined (in the manifest, with the
-- reason) after a few failures, so one bad object never stalls the lake nor is silently skipped.
CREATE TABLE etl_object_failure (
  object_key      text PRIMARY KEY,
  failures        integer NOT NULL,
  last_run_id     bigint REFERENCES etl_run (run_id),
  last_error      text NOT NULL,
  first_failed_at timestamptz NOT NULL DEFAULT now(),
  last_failed_at  timestamptz NOT NULL DEFAULT now()
);

-- Once a day a run lists every raw partition and compares it with the manifest: what the
-- look-back missed (an object written late into an old partition, a replay) is reported here
-- and loaded.
CREATE TABLE etl_lake_reconciliation (
  run_id          bigint NOT NULL REFERENCES etl_run (run_id),
  day             date NOT NULL,
  objects_listed  integer NOT NULL,
  objects_missing integer NOT NULL,
  PRIMARY KEY (run_id, day)
);
ALTER TABLE etl_run ADD COLUMN reconciled boolean NOT NULL DEFAULT false;

-- Down Migration
ALTER TABLE etl_run DROP COLUMN reconciled;
DROP TABLE etl_lake_reconciliation;
DROP TABLE etl_object_failure;
DROP TABLE etl_data_check;
ALTER TABLE etl_run DROP COLUMN passes, DROP COLUMN backlog, DROP COLUMN checks_failed, DROP COLUMN checks_warned;
