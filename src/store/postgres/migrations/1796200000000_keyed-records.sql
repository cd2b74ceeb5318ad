-- Up Migration
-- Keyed records (conversation references, subscriptions): one row per record, upserted on its own,
-- so that recording a new conversation costs the same at 10,000 as at the first. A deleted record
-- stays as a row with a null value, so that every instance learns of the delete; `revision` orders
-- the changes (taken in a transaction holding the collection's lock, so they commit in that order).
CREATE SEQUENCE keyed_records_revision;
CREATE TABLE keyed_records (
  collection text NOT NULL,
  key text NOT NULL,
  value jsonb,
  revision bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, key)
);
CREATE INDEX keyed_records_by_revision ON keyed_records (collection, revision);

-- Down Migration
DROP TABLE keyed_records;
DROP SEQUENCE keyed_records_revision;
