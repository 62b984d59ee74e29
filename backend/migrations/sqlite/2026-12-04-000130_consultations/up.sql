-- Consultations (Regulation 1.3 d): methodological support of a school (or the committee)
-- by a host school, from the request to the session held, and the recipient's answers.

CREATE TABLE consultations (
    id INTEGER PRIMARY KEY,
    host_org_id BIGINT NOT NULL REFERENCES organisations (id),
    recipient_org_id BIGINT NOT NULL REFERENCES organisations (id),
    resource_id BIGINT REFERENCES resources (id),
    topic TEXT NOT NULL,
    question TEXT NOT NULL,
    search TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('requested', 'scheduled', 'held', 'declined', 'cancelled')),
    scheduled_on DATE,
    held_on DATE,
    form TEXT CHECK (form IN ('in_person', 'online')),
    place TEXT NOT NULL,
    consultants TEXT NOT NULL,
    participants TEXT NOT NULL,
    participant_count INTEGER CHECK (participant_count >= 1),
    outcome TEXT NOT NULL,
    follow_ups TEXT NOT NULL,
    reason TEXT,
    requested_by BIGINT REFERENCES users (id),
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (host_org_id <> recipient_org_id),
    CHECK ((status = 'held') = (held_on IS NOT NULL)),
    CHECK ((status = 'held') = (participant_count IS NOT NULL))
);
-- Each side's list, newest first, whole or of one status; the host's held ones by day.
CREATE INDEX consultations_host_idx ON consultations (host_org_id, id);
CREATE INDEX consultations_host_status_idx ON consultations (host_org_id, status, id);
CREATE INDEX consultations_recipient_idx ON consultations (recipient_org_id, id);
CREATE INDEX consultations_recipient_status_idx ON consultations (recipient_org_id, status, id);
CREATE INDEX consultations_host_held_idx ON consultations (host_org_id, held_on);

-- The recipient's answers about a held consultation: one per person.
CREATE TABLE consultation_feedback (
    id INTEGER PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations (id),
    host_org_id BIGINT NOT NULL REFERENCES organisations (id),
    recipient_org_id BIGINT NOT NULL REFERENCES organisations (id),
    respondent_id BIGINT NOT NULL REFERENCES users (id),
    respondent_name TEXT NOT NULL,
    csat INTEGER NOT NULL CHECK (csat BETWEEN 1 AND 5),
    recommend INTEGER NOT NULL CHECK (recommend BETWEEN 0 AND 10),
    ready BOOLEAN NOT NULL,
    comment TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX consultation_feedback_respondent_key ON consultation_feedback (consultation_id, respondent_id);
CREATE INDEX consultation_feedback_host_idx ON consultation_feedback (host_org_id, consultation_id);
