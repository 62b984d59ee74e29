-- Teacher training (Regulation 1.3 c, R4): cohorts of a training programme with their
-- sessions, the teachers' enrolments with a waiting list, attendance per session, and
-- the certificates of completion numbered per host school and calendar year.

CREATE TABLE cohorts (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    title TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL CHECK (ends_on >= starts_on),
    format TEXT NOT NULL CHECK (format IN ('in_person', 'distance', 'blended')),
    hours INTEGER NOT NULL CHECK (hours >= 1),
    capacity INTEGER NOT NULL CHECK (capacity >= 1),
    place TEXT NOT NULL,
    online_link TEXT NOT NULL,
    -- The trainers' names, a JSON array of strings.
    trainers TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
-- A programme's cohorts, the latest start first.
CREATE INDEX cohorts_resource_idx ON cohorts (resource_id, starts_on, id);

CREATE TABLE cohort_sessions (
    id INTEGER PRIMARY KEY,
    cohort_id BIGINT NOT NULL REFERENCES cohorts (id),
    held_on DATE NOT NULL,
    topic TEXT NOT NULL,
    hours INTEGER NOT NULL CHECK (hours >= 1)
);
CREATE INDEX cohort_sessions_cohort_idx ON cohort_sessions (cohort_id, held_on, id);

-- One row per teacher and cohort; a withdrawn teacher who enrols again reuses it. The
-- waiting list is ordered by `queued_at`, then id.
CREATE TABLE enrolments (
    id INTEGER PRIMARY KEY,
    cohort_id BIGINT NOT NULL REFERENCES cohorts (id),
    host_org_id BIGINT NOT NULL REFERENCES organisations (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    user_org_id BIGINT NOT NULL REFERENCES organisations (id),
    status TEXT NOT NULL CHECK (status IN ('enrolled', 'waiting', 'completed', 'withdrawn')),
    enrolled_by BIGINT NOT NULL REFERENCES users (id),
    enrolled_at TIMESTAMP NOT NULL,
    queued_at TIMESTAMP NOT NULL,
    completed_on DATE,
    completed_by BIGINT REFERENCES users (id),
    hours INTEGER,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (cohort_id, user_id),
    CHECK ((status = 'completed') = (completed_on IS NOT NULL))
);
CREATE INDEX enrolments_cohort_idx ON enrolments (cohort_id, status, queued_at, id);
-- A teacher's history, the latest first.
CREATE INDEX enrolments_user_idx ON enrolments (user_id, id);
-- A school's teachers' hours.
CREATE INDEX enrolments_user_org_idx ON enrolments (user_org_id, user_id);

-- Who attended which session.
CREATE TABLE cohort_attendance (
    session_id BIGINT NOT NULL REFERENCES cohort_sessions (id),
    enrolment_id BIGINT NOT NULL REFERENCES enrolments (id),
    marked_by BIGINT REFERENCES users (id),
    marked_at TIMESTAMP NOT NULL,
    PRIMARY KEY (session_id, enrolment_id)
);
CREATE INDEX cohort_attendance_enrolment_idx ON cohort_attendance (enrolment_id);

-- The last certificate number issued per host school and calendar year, moved on in
-- the transaction that issues the next one.
CREATE TABLE certificate_counters (
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    year INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (org_id, year)
);

-- Certificates of completion: what was certified, as it stood when issued.
CREATE TABLE certificates (
    id INTEGER PRIMARY KEY,
    enrolment_id BIGINT NOT NULL UNIQUE REFERENCES enrolments (id),
    number TEXT NOT NULL UNIQUE,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    year INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('udostoverenie', 'sertifikat')),
    full_name TEXT NOT NULL,
    holder_org_name TEXT NOT NULL,
    programme TEXT NOT NULL,
    cohort_title TEXT NOT NULL,
    hours INTEGER NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    issuer_name TEXT NOT NULL,
    issued_on DATE NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (org_id, year, sequence)
);
