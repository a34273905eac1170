-- Up Migration

-- A run whose process died (a killed Lambda, kill -9) never records its end. The next run that
-- takes the lock marks it 'abandoned', so a crash is not mistaken for a run in progress.
ALTER TABLE etl_run DROP CONSTRAINT etl_run_status_check;
ALTER TABLE etl_run ADD CONSTRAINT etl_run_status_check
  CHECK (status IN ('running', 'succeeded', 'failed', 'skipped', 'abandoned'));

-- Down Migration
UPDATE etl_run SET status = 'failed' WHERE status = 'abandoned';
ALTER TABLE etl_run DROP CONSTRAINT etl_run_status_check;
ALTER TABLE etl_run ADD CONSTRAINT etl_run_status_check
  CHECK (status IN ('running', 'succeeded', 'failed', 'skipped'));
