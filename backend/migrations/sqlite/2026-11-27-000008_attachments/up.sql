-- Files attached to a package document's version (the innovation map's appendices) or to a
-- plan item (the evidence of its completion).
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('document_version', 'plan_item')),
    owner_id BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX attachments_owner_idx ON attachments (owner_kind, owner_id, id);
