-- Up Migration
-- The registry: one row, replaced as a whole through the one write path, with a revision that
-- every instance polls to see a change made elsewhere.
CREATE TABLE registry (
  id smallint PRIMARY KEY CHECK (id = 1),
  data jsonb NOT NULL,
  revision bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The journals (surveys, digest outbox, write-back queue): append-only events in order.
CREATE TABLE journal_events (
  seq bigserial PRIMARY KEY,
  journal text NOT NULL,
  event jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX journal_events_by_journal ON journal_events (journal, seq);

-- Small documents changed as a whole: administrators, conversation references, subscriptions.
CREATE TABLE documents (
  name text PRIMARY KEY,
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE documents;
DROP TABLE journal_events;
DROP TABLE registry;
