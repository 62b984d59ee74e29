-- Consumer requests (запросы потребителей) and their status history.
CREATE TABLE requests (
    id INTEGER PRIMARY KEY,
    requester_org_id BIGINT NOT NULL REFERENCES organisations (id),
    requester_id BIGINT NOT NULL REFERENCES users (id),
    target_org_id BIGINT REFERENCES organisations (id),
    resource_id BIGINT REFERENCES resources (id),
    need TEXT NOT NULL,
    audience TEXT NOT NULL,
    desired_form TEXT CHECK (desired_form IN ('methodological_development', 'training_programme', 'material_kit')),
    deadline DATE,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'accepted', 'declined', 'answered')),
    decision_note TEXT,
    search TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX requests_target_idx ON requests (target_org_id, status, id);
CREATE INDEX requests_requester_idx ON requests (requester_org_id, id);
CREATE INDEX requests_resource_idx ON requests (resource_id, status);

CREATE TABLE request_events (
    id INTEGER PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES requests (id),
    status TEXT NOT NULL,
    actor_id BIGINT REFERENCES users (id),
    org_id BIGINT REFERENCES organisations (id),
    note TEXT,
    at TIMESTAMP NOT NULL
);
CREATE INDEX request_events_request_idx ON request_events (request_id, id);
