-- Events a school (or the committee) organises or takes part in, with public
-- registration, attendance, the attendees' feedback, and fair stands with their ratings
-- (Regulation 2.3, R14).

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL CHECK (role IN ('organiser', 'participant')),
    organiser_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('open_lesson', 'master_class', 'seminar', 'round_table',
        'conference', 'festival', 'fair', 'competition', 'other')),
    level TEXT NOT NULL CHECK (level IN ('school', 'municipal', 'regional', 'federal', 'international')),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL CHECK (ends_on >= starts_on),
    time_text TEXT NOT NULL,
    place TEXT NOT NULL,
    online_url TEXT NOT NULL,
    speakers TEXT NOT NULL,
    open_to_city BOOLEAN NOT NULL,
    capacity INTEGER CHECK (capacity >= 1),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'cancelled')),
    feedback_requested_at TIMESTAMP,
    search TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (open_to_city = (capacity IS NOT NULL))
);
-- The calendar by first day; an organisation's history.
CREATE INDEX events_calendar_idx ON events (starts_on, id);
CREATE INDEX events_org_idx ON events (org_id, starts_on, id);

-- The resources presented at an event, in order.
CREATE TABLE event_resources (
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (event_id, resource_id)
);

-- One registration per user and event; a cancelled one is confirmed again on a new
-- registration.
CREATE TABLE event_registrations (
    id INTEGER PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
    code TEXT NOT NULL,
    attended BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (event_id, user_id)
);
-- A user's registrations (their reminders).
CREATE INDEX event_registrations_user_idx ON event_registrations (user_id, event_id);

-- An attendee's one answer about an event.
CREATE TABLE event_feedback (
    event_id BIGINT NOT NULL REFERENCES events (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    csat INTEGER NOT NULL CHECK (csat BETWEEN 1 AND 5),
    comment TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (event_id, user_id)
);

-- A school's stand at a fair.
CREATE TABLE fair_stands (
    id INTEGER PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX fair_stands_event_idx ON fair_stands (event_id, id);

-- The resources a stand presents, in order.
CREATE TABLE fair_stand_resources (
    stand_id BIGINT NOT NULL REFERENCES fair_stands (id) ON DELETE CASCADE,
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (stand_id, resource_id)
);

-- A visitor's one rating of a stand, changed until the fair ends.
CREATE TABLE stand_ratings (
    stand_id BIGINT NOT NULL REFERENCES fair_stands (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (stand_id, user_id)
);

-- An event's materials are attachments too; SQLite changes a CHECK by rebuilding the
-- table.
CREATE TABLE attachments_with_events (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('document_version', 'plan_item', 'pilot', 'event')),
    owner_id BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
INSERT INTO attachments_with_events (id, org_id, owner_kind, owner_id, file_name, content_type, size, sha256, storage_key, created_by, created_at) SELECT id, org_id, owner_kind, owner_id, file_name, content_type, size, sha256, storage_key, created_by, created_at FROM attachments;
DROP TABLE attachments;
ALTER TABLE attachments_with_events RENAME TO attachments;
CREATE INDEX attachments_owner_idx ON attachments (owner_kind, owner_id, id);
