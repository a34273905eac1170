-- Erased people never load again: their events still in flight when they were erased (written
-- to the lake, not yet loaded), replayed by a backfill, or sent later under the same ids, are
-- dropped from staging before any step reads it. erased_subject holds only SHA-256 hashes of
-- their ids (etl/privacy/). The objects that held such events are listed for the erasure that
-- suppressed them: running it again rewrites them (privacy_erase_object).
WITH dropped AS (
  DELETE FROM stage_event
  WHERE EXISTS (SELECT FROM erased_subject)
    AND (encode(sha256(convert_to(anonymous_id::text, 'UTF8')), 'hex')
           IN (SELECT id_hash FROM erased_subject WHERE id_kind = 'anonymous')
         OR encode(sha256(convert_to(user_id, 'UTF8')), 'hex')
           IN (SELECT id_hash FROM erased_subject WHERE id_kind = 'user'))
  RETURNING anonymous_id, user_id, object_key
)
INSERT INTO privacy_erase_object (action_id, object_key)
SELECT DISTINCT e.action_id, d.object_key
FROM dropped d
JOIN erased_subject e
  ON (e.id_kind = 'anonymous' AND e.id_hash = encode(sha256(convert_to(d.anonymous_id::text, 'UTF8')), 'hex'))
  OR (e.id_kind = 'user' AND e.id_hash = encode(sha256(convert_to(d.user_id, 'UTF8')), 'hex'))
ON CONFLICT (action_id, object_key) DO UPDATE SET done_at = NULL;
