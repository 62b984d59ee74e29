-- The history of lifecycle transitions, and deliveries of resource versions to schools.
CREATE TABLE lifecycle_transitions (
    id INTEGER PRIMARY KEY,
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    from_stage TEXT NOT NULL,
    to_stage TEXT NOT NULL,
    actor_id BIGINT REFERENCES users (id),
    reason TEXT,
    at TIMESTAMP NOT NULL
);
CREATE INDEX lifecycle_transitions_resource_idx ON lifecycle_transitions (resource_id, id);

CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    version_id BIGINT NOT NULL REFERENCES resource_versions (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    recipient_org_id BIGINT NOT NULL REFERENCES organisations (id),
    delivered_on DATE NOT NULL,
    form TEXT NOT NULL CHECK (form IN ('handover', 'training', 'consultation', 'event')),
    contact TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    confirmed_by BIGINT REFERENCES users (id)
);
CREATE INDEX deliveries_resource_idx ON deliveries (resource_id, id);
CREATE INDEX deliveries_org_idx ON deliveries (org_id, id);
CREATE INDEX deliveries_recipient_idx ON deliveries (recipient_org_id, id);
