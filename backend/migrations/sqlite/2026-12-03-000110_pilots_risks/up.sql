-- Pilots (апробация) of resource versions with their sites, and the risk register of
-- projects and pilots with the history of each risk (Regulation 1.3 b).

CREATE TABLE pilots (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    version_id BIGINT NOT NULL REFERENCES resource_versions (id),
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL CHECK (ends_on >= starts_on),
    teachers INTEGER NOT NULL CHECK (teachers >= 1),
    classes TEXT NOT NULL,
    pupils INTEGER NOT NULL CHECK (pupils >= 0),
    method TEXT NOT NULL,
    interim_results TEXT NOT NULL,
    final_results TEXT NOT NULL,
    conclusion TEXT CHECK (conclusion IN ('recommended', 'revise', 'not_recommended')),
    concluded_on DATE,
    concluded_by BIGINT REFERENCES users (id),
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((conclusion IS NULL) = (concluded_on IS NULL))
);
-- A resource's pilots, the latest start first; its completed ones for the lifecycle.
CREATE INDEX pilots_resource_idx ON pilots (resource_id, starts_on, id);

-- The schools of a pilot, the own school first.
CREATE TABLE pilot_sites (
    pilot_id BIGINT NOT NULL REFERENCES pilots (id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (pilot_id, org_id)
);

-- Risks of exactly one project or one pilot; the score is likelihood × impact, kept so
-- that the register is sorted by an index.
CREATE TABLE risks (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    project_id BIGINT REFERENCES projects (id),
    pilot_id BIGINT REFERENCES pilots (id),
    title TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN
        ('organisational', 'methodological', 'staffing', 'material', 'regulatory', 'motivational', 'other')),
    likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    score INTEGER NOT NULL,
    mitigation TEXT NOT NULL,
    owner_id BIGINT NOT NULL REFERENCES users (id),
    status TEXT NOT NULL CHECK (status IN ('open', 'mitigated', 'occurred', 'closed')),
    next_review_on DATE,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((project_id IS NULL) <> (pilot_id IS NULL)),
    CHECK (score = likelihood * impact)
);
-- The registers by score (highest first), whole or of one status.
CREATE INDEX risks_project_idx ON risks (project_id, score DESC, id);
CREATE INDEX risks_project_status_idx ON risks (project_id, status, score DESC, id);
CREATE INDEX risks_pilot_idx ON risks (pilot_id, score DESC, id);
CREATE INDEX risks_pilot_status_idx ON risks (pilot_id, status, score DESC, id);
-- An owner's reviews that are due.
CREATE INDEX risks_owner_review_idx ON risks (owner_id, next_review_on);

-- Every change of a risk's status, likelihood, impact or review date.
CREATE TABLE risk_changes (
    id INTEGER PRIMARY KEY,
    risk_id BIGINT NOT NULL REFERENCES risks (id),
    actor_id BIGINT REFERENCES users (id),
    at TIMESTAMP NOT NULL,
    field TEXT NOT NULL CHECK (field IN ('status', 'likelihood', 'impact', 'next_review_on')),
    from_value TEXT,
    to_value TEXT,
    note TEXT
);
CREATE INDEX risk_changes_risk_idx ON risk_changes (risk_id, id);

-- A pilot's files (its evidence) are attachments too; SQLite changes a CHECK by
-- rebuilding the table.
CREATE TABLE attachments_with_pilots (
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
INSERT INTO attachments_with_pilots (id, org_id, owner_kind, owner_id, file_name, content_type, size, sha256, storage_key, created_by, created_at) SELECT id, org_id, owner_kind, owner_id, file_name, content_type, size, sha256, storage_key, created_by, created_at FROM attachments;
DROP TABLE attachments;
ALTER TABLE attachments_with_pilots RENAME TO attachments;
CREATE INDEX attachments_owner_idx ON attachments (owner_kind, owner_id, id);
