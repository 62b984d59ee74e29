-- Satisfaction feedback on deliveries, and the signed single-use links that collect it
-- from respondents without an account.
CREATE TABLE feedback_links (
    jti TEXT PRIMARY KEY,
    delivery_id BIGINT NOT NULL REFERENCES deliveries (id),
    respondent TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX feedback_links_delivery_idx ON feedback_links (delivery_id);

CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    delivery_id BIGINT NOT NULL REFERENCES deliveries (id),
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    recipient_org_id BIGINT NOT NULL REFERENCES organisations (id),
    respondent_key TEXT NOT NULL,
    respondent_user_id BIGINT REFERENCES users (id),
    respondent_name TEXT NOT NULL,
    csat INTEGER NOT NULL CHECK (csat BETWEEN 1 AND 5),
    recommend INTEGER NOT NULL CHECK (recommend BETWEEN 0 AND 10),
    ready BOOLEAN NOT NULL,
    comment TEXT NOT NULL,
    via TEXT NOT NULL CHECK (via IN ('app', 'link')),
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX feedback_respondent_key ON feedback (delivery_id, respondent_key);
CREATE INDEX feedback_resource_idx ON feedback (resource_id, created_at);
CREATE INDEX feedback_org_idx ON feedback (org_id);
