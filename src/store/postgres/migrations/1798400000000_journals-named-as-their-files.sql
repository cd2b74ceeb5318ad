-- Up Migration
-- A journal is named by the feature that keeps it, and the name is the same in every backend: in
-- DATA_DIR it is the file's name without `.jsonl`. Two journals had other names here than their files
-- had (digest-outbox.jsonl, sync-writeback.jsonl); their rows take the files' names, so that a
-- database and a data folder copied into each other (`cli migrate-store`) name them alike.
UPDATE journal_events SET journal = 'digest-outbox' WHERE journal = 'digestOutbox';
UPDATE journal_events SET journal = 'sync-writeback' WHERE journal = 'writeBack';

-- Down Migration
UPDATE journal_events SET journal = 'digestOutbox' WHERE journal = 'digest-outbox';
UPDATE journal_events SET journal = 'writeBack' WHERE journal = 'sync-writeback';
