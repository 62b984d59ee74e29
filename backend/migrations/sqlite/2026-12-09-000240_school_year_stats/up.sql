-- Each school's dissemination figures per school year (the registry's columns and the
-- school's dissemination page), kept by the writes: every change of a record they count
-- marks the school and the school years it falls in (the triggers below, one per source
-- table), and the write's transaction recomputes the marked rows before it commits
-- (`read_model::years::settle`). A row's risks are the risks recorded in that school
-- year, by their present status; a year's figure sums them over the years up to it.
CREATE TABLE school_year_stats (
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    school_year INTEGER NOT NULL,
    pilots BIGINT NOT NULL DEFAULT 0,
    pilot_sites BIGINT NOT NULL DEFAULT 0,
    pilot_pupils BIGINT NOT NULL DEFAULT 0,
    risks_open BIGINT NOT NULL DEFAULT 0,
    risks_closed BIGINT NOT NULL DEFAULT 0,
    cohorts BIGINT NOT NULL DEFAULT 0,
    teachers_trained BIGINT NOT NULL DEFAULT 0,
    training_hours BIGINT NOT NULL DEFAULT 0,
    certificates BIGINT NOT NULL DEFAULT 0,
    consultations BIGINT NOT NULL DEFAULT 0,
    consultation_participants BIGINT NOT NULL DEFAULT 0,
    events_by_kind TEXT NOT NULL DEFAULT '',
    events_by_level TEXT NOT NULL DEFAULT '',
    attendees BIGINT NOT NULL DEFAULT 0,
    fair_stands BIGINT NOT NULL DEFAULT 0,
    fair_ratings BIGINT NOT NULL DEFAULT 0,
    fair_score_sum BIGINT NOT NULL DEFAULT 0,
    requests BIGINT NOT NULL DEFAULT 0,
    deliveries BIGINT NOT NULL DEFAULT 0,
    responses BIGINT NOT NULL DEFAULT 0,
    satisfied BIGINT NOT NULL DEFAULT 0,
    schools_reached BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, school_year)
);

-- The schools, school years and figures a write changed, until its transaction
-- recomputes them.
-- A day's school year: its year, less one before September (dates are stored as text).
CREATE TABLE read_model_dirty (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL,
    first_year INTEGER NOT NULL,
    last_year INTEGER NOT NULL,
    -- Which figures the write may have moved (`read_model::years::Parts`).
    parts INTEGER NOT NULL
);

CREATE TRIGGER pilots_read_model_insert AFTER INSERT ON pilots
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.starts_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.ends_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.ends_on, 6, 2) AS INTEGER) < 9), 1;
END;

CREATE TRIGGER pilots_read_model_update AFTER UPDATE OF org_id, starts_on, ends_on, pupils ON pilots
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.starts_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.ends_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.ends_on, 6, 2) AS INTEGER) < 9), 1;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.starts_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.ends_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.ends_on, 6, 2) AS INTEGER) < 9), 1;
END;

CREATE TRIGGER pilots_read_model_delete AFTER DELETE ON pilots
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.starts_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.ends_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.ends_on, 6, 2) AS INTEGER) < 9), 1;
END;

CREATE TRIGGER pilot_sites_read_model_insert AFTER INSERT ON pilot_sites
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT p.org_id, CAST(substr(p.starts_on, 1, 4) AS INTEGER) - (CAST(substr(p.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(p.ends_on, 1, 4) AS INTEGER) - (CAST(substr(p.ends_on, 6, 2) AS INTEGER) < 9), 1 FROM pilots p WHERE p.id = NEW.pilot_id;
END;

CREATE TRIGGER pilot_sites_read_model_update AFTER UPDATE OF pilot_id, org_id ON pilot_sites
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT p.org_id, CAST(substr(p.starts_on, 1, 4) AS INTEGER) - (CAST(substr(p.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(p.ends_on, 1, 4) AS INTEGER) - (CAST(substr(p.ends_on, 6, 2) AS INTEGER) < 9), 1 FROM pilots p WHERE p.id = OLD.pilot_id;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT p.org_id, CAST(substr(p.starts_on, 1, 4) AS INTEGER) - (CAST(substr(p.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(p.ends_on, 1, 4) AS INTEGER) - (CAST(substr(p.ends_on, 6, 2) AS INTEGER) < 9), 1 FROM pilots p WHERE p.id = NEW.pilot_id;
END;

CREATE TRIGGER pilot_sites_read_model_delete AFTER DELETE ON pilot_sites
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT p.org_id, CAST(substr(p.starts_on, 1, 4) AS INTEGER) - (CAST(substr(p.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(p.ends_on, 1, 4) AS INTEGER) - (CAST(substr(p.ends_on, 6, 2) AS INTEGER) < 9), 1 FROM pilots p WHERE p.id = OLD.pilot_id;
END;

CREATE TRIGGER risks_read_model_insert AFTER INSERT ON risks
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.created_at, 1, 4) AS INTEGER) - (CAST(substr(NEW.created_at, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.created_at, 1, 4) AS INTEGER) - (CAST(substr(NEW.created_at, 6, 2) AS INTEGER) < 9), 2;
END;

CREATE TRIGGER risks_read_model_update AFTER UPDATE OF org_id, status, created_at ON risks
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.created_at, 1, 4) AS INTEGER) - (CAST(substr(OLD.created_at, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.created_at, 1, 4) AS INTEGER) - (CAST(substr(OLD.created_at, 6, 2) AS INTEGER) < 9), 2;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.created_at, 1, 4) AS INTEGER) - (CAST(substr(NEW.created_at, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.created_at, 1, 4) AS INTEGER) - (CAST(substr(NEW.created_at, 6, 2) AS INTEGER) < 9), 2;
END;

CREATE TRIGGER risks_read_model_delete AFTER DELETE ON risks
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.created_at, 1, 4) AS INTEGER) - (CAST(substr(OLD.created_at, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.created_at, 1, 4) AS INTEGER) - (CAST(substr(OLD.created_at, 6, 2) AS INTEGER) < 9), 2;
END;

CREATE TRIGGER cohorts_read_model_insert AFTER INSERT ON cohorts
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.starts_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.ends_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.ends_on, 6, 2) AS INTEGER) < 9), 4;
END;

CREATE TRIGGER cohorts_read_model_update AFTER UPDATE OF org_id, starts_on, ends_on ON cohorts
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.starts_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.ends_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.ends_on, 6, 2) AS INTEGER) < 9), 4;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.starts_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.ends_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.ends_on, 6, 2) AS INTEGER) < 9), 4;
END;

CREATE TRIGGER cohorts_read_model_delete AFTER DELETE ON cohorts
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.starts_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.ends_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.ends_on, 6, 2) AS INTEGER) < 9), 4;
END;

CREATE TRIGGER enrolments_read_model_insert AFTER INSERT ON enrolments
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.host_org_id, CAST(substr(NEW.completed_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.completed_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.completed_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.completed_on, 6, 2) AS INTEGER) < 9), 4 WHERE NEW.completed_on IS NOT NULL;
END;

CREATE TRIGGER enrolments_read_model_update AFTER UPDATE OF host_org_id, user_id, user_org_id, status, completed_on, hours ON enrolments
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.host_org_id, CAST(substr(OLD.completed_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.completed_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.completed_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.completed_on, 6, 2) AS INTEGER) < 9), 4 WHERE OLD.completed_on IS NOT NULL;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.host_org_id, CAST(substr(NEW.completed_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.completed_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.completed_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.completed_on, 6, 2) AS INTEGER) < 9), 4 WHERE NEW.completed_on IS NOT NULL;
END;

CREATE TRIGGER enrolments_read_model_delete AFTER DELETE ON enrolments
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.host_org_id, CAST(substr(OLD.completed_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.completed_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.completed_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.completed_on, 6, 2) AS INTEGER) < 9), 4 WHERE OLD.completed_on IS NOT NULL;
END;

CREATE TRIGGER certificates_read_model_insert AFTER INSERT ON certificates
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.issued_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.issued_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.issued_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.issued_on, 6, 2) AS INTEGER) < 9), 4;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT e.host_org_id, CAST(substr(e.completed_on, 1, 4) AS INTEGER) - (CAST(substr(e.completed_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.completed_on, 1, 4) AS INTEGER) - (CAST(substr(e.completed_on, 6, 2) AS INTEGER) < 9), 4 FROM enrolments e WHERE e.id = NEW.enrolment_id AND e.completed_on IS NOT NULL;
END;

CREATE TRIGGER certificates_read_model_update AFTER UPDATE OF org_id, enrolment_id, issued_on, revoked_on ON certificates
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.issued_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.issued_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.issued_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.issued_on, 6, 2) AS INTEGER) < 9), 4;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT e.host_org_id, CAST(substr(e.completed_on, 1, 4) AS INTEGER) - (CAST(substr(e.completed_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.completed_on, 1, 4) AS INTEGER) - (CAST(substr(e.completed_on, 6, 2) AS INTEGER) < 9), 4 FROM enrolments e WHERE e.id = OLD.enrolment_id AND e.completed_on IS NOT NULL;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.issued_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.issued_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.issued_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.issued_on, 6, 2) AS INTEGER) < 9), 4;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT e.host_org_id, CAST(substr(e.completed_on, 1, 4) AS INTEGER) - (CAST(substr(e.completed_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.completed_on, 1, 4) AS INTEGER) - (CAST(substr(e.completed_on, 6, 2) AS INTEGER) < 9), 4 FROM enrolments e WHERE e.id = NEW.enrolment_id AND e.completed_on IS NOT NULL;
END;

CREATE TRIGGER certificates_read_model_delete AFTER DELETE ON certificates
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.issued_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.issued_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.issued_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.issued_on, 6, 2) AS INTEGER) < 9), 4;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT e.host_org_id, CAST(substr(e.completed_on, 1, 4) AS INTEGER) - (CAST(substr(e.completed_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.completed_on, 1, 4) AS INTEGER) - (CAST(substr(e.completed_on, 6, 2) AS INTEGER) < 9), 4 FROM enrolments e WHERE e.id = OLD.enrolment_id AND e.completed_on IS NOT NULL;
END;

CREATE TRIGGER consultations_read_model_insert AFTER INSERT ON consultations
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.host_org_id, CAST(substr(NEW.held_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.held_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.held_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.held_on, 6, 2) AS INTEGER) < 9), 8 WHERE NEW.held_on IS NOT NULL;
END;

CREATE TRIGGER consultations_read_model_update AFTER UPDATE OF host_org_id, recipient_org_id, status, held_on, participant_count ON consultations
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.host_org_id, CAST(substr(OLD.held_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.held_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.held_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.held_on, 6, 2) AS INTEGER) < 9), 8 WHERE OLD.held_on IS NOT NULL;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.host_org_id, CAST(substr(NEW.held_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.held_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.held_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.held_on, 6, 2) AS INTEGER) < 9), 8 WHERE NEW.held_on IS NOT NULL;
END;

CREATE TRIGGER consultations_read_model_delete AFTER DELETE ON consultations
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.host_org_id, CAST(substr(OLD.held_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.held_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.held_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.held_on, 6, 2) AS INTEGER) < 9), 8 WHERE OLD.held_on IS NOT NULL;
END;

CREATE TRIGGER events_read_model_insert AFTER INSERT ON events
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.starts_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.starts_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.starts_on, 6, 2) AS INTEGER) < 9), 16;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT s.org_id, CAST(substr(NEW.starts_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.starts_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.starts_on, 6, 2) AS INTEGER) < 9), 32 FROM fair_stands s WHERE s.event_id = NEW.id;
END;

CREATE TRIGGER events_read_model_update AFTER UPDATE OF org_id, role, kind, level, status, starts_on ON events
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.starts_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.starts_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.starts_on, 6, 2) AS INTEGER) < 9), 16;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT s.org_id, CAST(substr(OLD.starts_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.starts_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.starts_on, 6, 2) AS INTEGER) < 9), 32 FROM fair_stands s WHERE s.event_id = OLD.id;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.starts_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.starts_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.starts_on, 6, 2) AS INTEGER) < 9), 16;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT s.org_id, CAST(substr(NEW.starts_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.starts_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.starts_on, 6, 2) AS INTEGER) < 9), 32 FROM fair_stands s WHERE s.event_id = NEW.id;
END;

CREATE TRIGGER events_read_model_delete AFTER DELETE ON events
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.starts_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.starts_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.starts_on, 6, 2) AS INTEGER) < 9), 16;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT s.org_id, CAST(substr(OLD.starts_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.starts_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.starts_on, 6, 2) AS INTEGER) < 9), 32 FROM fair_stands s WHERE s.event_id = OLD.id;
END;

CREATE TRIGGER event_registrations_read_model_insert AFTER INSERT ON event_registrations
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT e.org_id, CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), 16 FROM events e WHERE e.id = NEW.event_id;
END;

CREATE TRIGGER event_registrations_read_model_update AFTER UPDATE OF event_id, org_id, attended ON event_registrations
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT e.org_id, CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), 16 FROM events e WHERE e.id = OLD.event_id;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT e.org_id, CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), 16 FROM events e WHERE e.id = NEW.event_id;
END;

CREATE TRIGGER event_registrations_read_model_delete AFTER DELETE ON event_registrations
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT e.org_id, CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), 16 FROM events e WHERE e.id = OLD.event_id;
END;

CREATE TRIGGER fair_stands_read_model_insert AFTER INSERT ON fair_stands
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), 32 FROM events e WHERE e.id = NEW.event_id;
END;

CREATE TRIGGER fair_stands_read_model_update AFTER UPDATE OF event_id, org_id ON fair_stands
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), 32 FROM events e WHERE e.id = OLD.event_id;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), 32 FROM events e WHERE e.id = NEW.event_id;
END;

CREATE TRIGGER fair_stands_read_model_delete AFTER DELETE ON fair_stands
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), 32 FROM events e WHERE e.id = OLD.event_id;
END;

CREATE TRIGGER stand_ratings_read_model_insert AFTER INSERT ON stand_ratings
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT s.org_id, CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), 32 FROM fair_stands s JOIN events e ON e.id = s.event_id WHERE s.id = NEW.stand_id;
END;

CREATE TRIGGER stand_ratings_read_model_update AFTER UPDATE OF stand_id, score ON stand_ratings
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT s.org_id, CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), 32 FROM fair_stands s JOIN events e ON e.id = s.event_id WHERE s.id = OLD.stand_id;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT s.org_id, CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), 32 FROM fair_stands s JOIN events e ON e.id = s.event_id WHERE s.id = NEW.stand_id;
END;

CREATE TRIGGER stand_ratings_read_model_delete AFTER DELETE ON stand_ratings
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT s.org_id, CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), CAST(substr(e.starts_on, 1, 4) AS INTEGER) - (CAST(substr(e.starts_on, 6, 2) AS INTEGER) < 9), 32 FROM fair_stands s JOIN events e ON e.id = s.event_id WHERE s.id = OLD.stand_id;
END;

CREATE TRIGGER requests_read_model_insert AFTER INSERT ON requests
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.target_org_id, CAST(substr(NEW.created_at, 1, 4) AS INTEGER) - (CAST(substr(NEW.created_at, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.created_at, 1, 4) AS INTEGER) - (CAST(substr(NEW.created_at, 6, 2) AS INTEGER) < 9), 64 WHERE NEW.target_org_id IS NOT NULL;
END;

CREATE TRIGGER requests_read_model_update AFTER UPDATE OF target_org_id, created_at ON requests
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.target_org_id, CAST(substr(OLD.created_at, 1, 4) AS INTEGER) - (CAST(substr(OLD.created_at, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.created_at, 1, 4) AS INTEGER) - (CAST(substr(OLD.created_at, 6, 2) AS INTEGER) < 9), 64 WHERE OLD.target_org_id IS NOT NULL;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.target_org_id, CAST(substr(NEW.created_at, 1, 4) AS INTEGER) - (CAST(substr(NEW.created_at, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.created_at, 1, 4) AS INTEGER) - (CAST(substr(NEW.created_at, 6, 2) AS INTEGER) < 9), 64 WHERE NEW.target_org_id IS NOT NULL;
END;

CREATE TRIGGER requests_read_model_delete AFTER DELETE ON requests
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.target_org_id, CAST(substr(OLD.created_at, 1, 4) AS INTEGER) - (CAST(substr(OLD.created_at, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.created_at, 1, 4) AS INTEGER) - (CAST(substr(OLD.created_at, 6, 2) AS INTEGER) < 9), 64 WHERE OLD.target_org_id IS NOT NULL;
END;

CREATE TRIGGER deliveries_read_model_insert AFTER INSERT ON deliveries
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.delivered_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.delivered_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.delivered_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.delivered_on, 6, 2) AS INTEGER) < 9), 128;
END;

CREATE TRIGGER deliveries_read_model_update AFTER UPDATE OF org_id, recipient_org_id, delivered_on ON deliveries
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.delivered_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.delivered_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.delivered_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.delivered_on, 6, 2) AS INTEGER) < 9), 128;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.delivered_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.delivered_on, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.delivered_on, 1, 4) AS INTEGER) - (CAST(substr(NEW.delivered_on, 6, 2) AS INTEGER) < 9), 128;
END;

CREATE TRIGGER deliveries_read_model_delete AFTER DELETE ON deliveries
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.delivered_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.delivered_on, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.delivered_on, 1, 4) AS INTEGER) - (CAST(substr(OLD.delivered_on, 6, 2) AS INTEGER) < 9), 128;
END;

CREATE TRIGGER feedback_read_model_insert AFTER INSERT ON feedback
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.created_at, 1, 4) AS INTEGER) - (CAST(substr(NEW.created_at, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.created_at, 1, 4) AS INTEGER) - (CAST(substr(NEW.created_at, 6, 2) AS INTEGER) < 9), 256;
END;

CREATE TRIGGER feedback_read_model_update AFTER UPDATE OF org_id, csat, created_at ON feedback
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.created_at, 1, 4) AS INTEGER) - (CAST(substr(OLD.created_at, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.created_at, 1, 4) AS INTEGER) - (CAST(substr(OLD.created_at, 6, 2) AS INTEGER) < 9), 256;
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT NEW.org_id, CAST(substr(NEW.created_at, 1, 4) AS INTEGER) - (CAST(substr(NEW.created_at, 6, 2) AS INTEGER) < 9), CAST(substr(NEW.created_at, 1, 4) AS INTEGER) - (CAST(substr(NEW.created_at, 6, 2) AS INTEGER) < 9), 256;
END;

CREATE TRIGGER feedback_read_model_delete AFTER DELETE ON feedback
BEGIN
    INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
    SELECT OLD.org_id, CAST(substr(OLD.created_at, 1, 4) AS INTEGER) - (CAST(substr(OLD.created_at, 6, 2) AS INTEGER) < 9), CAST(substr(OLD.created_at, 1, 4) AS INTEGER) - (CAST(substr(OLD.created_at, 6, 2) AS INTEGER) < 9), 256;
END;

