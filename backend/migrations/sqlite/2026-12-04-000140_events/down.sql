DELETE FROM attachments WHERE owner_kind = 'event';
CREATE TABLE attachments_without_events (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('document_version', 'plan_item', 'pilot')),
    owner_id BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
INSERT INTO attachments_without_events (id, org_id, owner_kind, owner_id, file_name, content_type, size, sha256, storage_key, created_by, created_at) SELECT id, org_id, owner_kind, owner_id, file_name, content_type, size, sha256, storage_key, created_by, created_at FROM attachments;
DROP TABLE attachments;
ALTER TABLE attachments_without_events RENAME TO attachments;
CREATE INDEX attachments_owner_idx ON attachments (owner_kind, owner_id, id);
DROP TABLE stand_ratings;
DROP TABLE fair_stand_resources;
DROP TABLE fair_stands;
DROP TABLE event_feedback;
DROP TABLE event_registrations;
DROP TABLE event_resources;
DROP TABLE events;
