-- Versions of a resource (design documents and produced products) and their files.
CREATE TABLE resource_versions (
    id INTEGER PRIMARY KEY,
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    number INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('design', 'product')),
    notes TEXT NOT NULL,
    authors_json TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX resource_versions_number_key ON resource_versions (resource_id, number);

CREATE TABLE resource_files (
    id INTEGER PRIMARY KEY,
    version_id BIGINT NOT NULL REFERENCES resource_versions (id),
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX resource_files_version_idx ON resource_files (version_id, id);
CREATE INDEX resource_files_resource_idx ON resource_files (resource_id);
