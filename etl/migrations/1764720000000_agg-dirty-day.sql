-- Up Migration

-- Days whose aggregates are out of date: a pass marks the days it touched in its own transaction,
-- and the run rebuilds each marked day's aggregates once, after its passes, clearing the marks
-- in that same transaction. A run that dies in between leaves the marks for the next run.
CREATE TABLE agg_dirty_day (
  day       date PRIMARY KEY,
  marked_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE agg_dirty_day;
