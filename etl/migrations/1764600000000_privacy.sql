-- Up Migration

-- Every erasure (`npm run erase`) and retention run (`npm run retention`), with what it removed.
-- A person is named only by the SHA-256 (hex) of their id: the log must not keep what it erased.
CREATE TABLE privacy_action (
  action_id       bigserial PRIMARY KEY,
  action          text NOT NULL CHECK (action IN ('erase', 'retention')),
  subject_kind    text CHECK (subject_kind IN ('user', 'anonymous')),
  subject_hash    text CHECK (subject_hash ~ '^[0-9a-f]{64}$'),
  -- Retention: data of days before this one is dropped.
  cutoff          date,
  -- What else the action was run with or found (days kept, linked visitors, bucket versioning).
  parameters      jsonb NOT NULL DEFAULT '{}',
  status          text NOT NULL DEFAULT 'running'
                  CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned')),
  started_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz,
  events_deleted  integer NOT NULL DEFAULT 0,
  -- Erasure keeps the shop's signed purchases (orders are business records) without the person.
  events_pseudonymized integer NOT NULL DEFAULT 0,
  partitions_dropped integer NOT NULL DEFAULT 0,
  sessions_deleted integer NOT NULL DEFAULT 0,
  identity_links_deleted integer NOT NULL DEFAULT 0,
  order_lines_pseudonymized integer NOT NULL DEFAULT 0,
  rejected_lines_deleted integer NOT NULL DEFAULT 0,
  kpi_days_deleted integer NOT NULL DEFAULT 0,
  manifest_rows_deleted integer NOT NULL DEFAULT 0,
  objects_scanned integer NOT NULL DEFAULT 0,
  objects_rewritten integer NOT NULL DEFAULT 0,
  objects_deleted integer NOT NULL DEFAULT 0,
  lines_removed   integer NOT NULL DEFAULT 0,
  -- Older versions of rewritten or deleted objects, in a versioned bucket.
  versions_deleted integer NOT NULL DEFAULT 0,
  error           text,
  CHECK (action <> 'erase' OR (subject_kind IS NOT NULL AND subject_hash IS NOT NULL)),
  CHECK (action <> 'retention' OR cutoff IS NOT NULL)
);
CREATE INDEX privacy_action_started_idx ON privacy_action (started_at);

-- Erased people, by the hash of each of their ids. The ETL drops every staged event of one
-- (etl/model/05-drop-erased.sql), so events still in flight or replayed never load again.
CREATE TABLE erased_subject (
  id_kind         text NOT NULL CHECK (id_kind IN ('user', 'anonymous')),
  id_hash         text NOT NULL CHECK (id_hash ~ '^[0-9a-f]{64}$'),
  action_id       bigint NOT NULL REFERENCES privacy_action (action_id),
  erased_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id_kind, id_hash)
);

-- Lake objects an erasure must rewrite, written with its warehouse changes (the warehouse no
-- longer says where a person's events came from once they are deleted), and objects the ETL
-- later found holding an erased person's events (05-drop-erased.sql). Running the erasure
-- again rewrites what is not done.
CREATE TABLE privacy_erase_object (
  action_id       bigint NOT NULL REFERENCES privacy_action (action_id),
  object_key      text NOT NULL,
  done_at         timestamptz,
  PRIMARY KEY (action_id, object_key)
);
CREATE INDEX privacy_erase_object_pending_idx ON privacy_erase_object (action_id) WHERE done_at IS NULL;

-- An erasure finds a user's events by user_id; only signed-in events have one.
CREATE INDEX fact_event_user_idx ON fact_event (user_id) WHERE user_id IS NOT NULL;

-- Down Migration
DROP INDEX fact_event_user_idx;
DROP TABLE privacy_erase_object;
DROP TABLE erased_subject;
DROP TABLE privacy_action;
