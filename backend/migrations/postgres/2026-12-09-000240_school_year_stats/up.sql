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
CREATE TABLE read_model_dirty (
    id BIGSERIAL PRIMARY KEY,
    org_id BIGINT NOT NULL,
    first_year INTEGER NOT NULL,
    last_year INTEGER NOT NULL,
    -- Which figures the write may have moved (`read_model::years::Parts`).
    parts INTEGER NOT NULL
);

-- The school year a day falls in: it begins on the first of September.
CREATE FUNCTION school_year_of(day DATE) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(EXTRACT(YEAR FROM day) AS INTEGER) - CASE WHEN EXTRACT(MONTH FROM day) < 9 THEN 1 ELSE 0 END
$$;

CREATE FUNCTION pilots_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT OLD.org_id, school_year_of(CAST(OLD.starts_on AS DATE)), school_year_of(CAST(OLD.ends_on AS DATE)), 1;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT NEW.org_id, school_year_of(CAST(NEW.starts_on AS DATE)), school_year_of(CAST(NEW.ends_on AS DATE)), 1;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER pilots_read_model AFTER INSERT OR DELETE OR UPDATE OF org_id, starts_on, ends_on, pupils ON pilots
FOR EACH ROW EXECUTE FUNCTION pilots_read_model();

CREATE FUNCTION pilot_sites_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT p.org_id, school_year_of(CAST(p.starts_on AS DATE)), school_year_of(CAST(p.ends_on AS DATE)), 1 FROM pilots p WHERE p.id = OLD.pilot_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT p.org_id, school_year_of(CAST(p.starts_on AS DATE)), school_year_of(CAST(p.ends_on AS DATE)), 1 FROM pilots p WHERE p.id = NEW.pilot_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER pilot_sites_read_model AFTER INSERT OR DELETE OR UPDATE OF pilot_id, org_id ON pilot_sites
FOR EACH ROW EXECUTE FUNCTION pilot_sites_read_model();

CREATE FUNCTION risks_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT OLD.org_id, school_year_of(CAST(OLD.created_at AS DATE)), school_year_of(CAST(OLD.created_at AS DATE)), 2;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT NEW.org_id, school_year_of(CAST(NEW.created_at AS DATE)), school_year_of(CAST(NEW.created_at AS DATE)), 2;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER risks_read_model AFTER INSERT OR DELETE OR UPDATE OF org_id, status, created_at ON risks
FOR EACH ROW EXECUTE FUNCTION risks_read_model();

CREATE FUNCTION cohorts_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT OLD.org_id, school_year_of(CAST(OLD.starts_on AS DATE)), school_year_of(CAST(OLD.ends_on AS DATE)), 4;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT NEW.org_id, school_year_of(CAST(NEW.starts_on AS DATE)), school_year_of(CAST(NEW.ends_on AS DATE)), 4;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER cohorts_read_model AFTER INSERT OR DELETE OR UPDATE OF org_id, starts_on, ends_on ON cohorts
FOR EACH ROW EXECUTE FUNCTION cohorts_read_model();

CREATE FUNCTION enrolments_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT OLD.host_org_id, school_year_of(CAST(OLD.completed_on AS DATE)), school_year_of(CAST(OLD.completed_on AS DATE)), 4 WHERE OLD.completed_on IS NOT NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT NEW.host_org_id, school_year_of(CAST(NEW.completed_on AS DATE)), school_year_of(CAST(NEW.completed_on AS DATE)), 4 WHERE NEW.completed_on IS NOT NULL;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER enrolments_read_model AFTER INSERT OR DELETE OR UPDATE OF host_org_id, user_id, user_org_id, status, completed_on, hours ON enrolments
FOR EACH ROW EXECUTE FUNCTION enrolments_read_model();

CREATE FUNCTION certificates_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT OLD.org_id, school_year_of(CAST(OLD.issued_on AS DATE)), school_year_of(CAST(OLD.issued_on AS DATE)), 4;
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT e.host_org_id, school_year_of(CAST(e.completed_on AS DATE)), school_year_of(CAST(e.completed_on AS DATE)), 4 FROM enrolments e WHERE e.id = OLD.enrolment_id AND e.completed_on IS NOT NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT NEW.org_id, school_year_of(CAST(NEW.issued_on AS DATE)), school_year_of(CAST(NEW.issued_on AS DATE)), 4;
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT e.host_org_id, school_year_of(CAST(e.completed_on AS DATE)), school_year_of(CAST(e.completed_on AS DATE)), 4 FROM enrolments e WHERE e.id = NEW.enrolment_id AND e.completed_on IS NOT NULL;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER certificates_read_model AFTER INSERT OR DELETE OR UPDATE OF org_id, enrolment_id, issued_on, revoked_on ON certificates
FOR EACH ROW EXECUTE FUNCTION certificates_read_model();

CREATE FUNCTION consultations_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT OLD.host_org_id, school_year_of(CAST(OLD.held_on AS DATE)), school_year_of(CAST(OLD.held_on AS DATE)), 8 WHERE OLD.held_on IS NOT NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT NEW.host_org_id, school_year_of(CAST(NEW.held_on AS DATE)), school_year_of(CAST(NEW.held_on AS DATE)), 8 WHERE NEW.held_on IS NOT NULL;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER consultations_read_model AFTER INSERT OR DELETE OR UPDATE OF host_org_id, recipient_org_id, status, held_on, participant_count ON consultations
FOR EACH ROW EXECUTE FUNCTION consultations_read_model();

CREATE FUNCTION events_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT OLD.org_id, school_year_of(CAST(OLD.starts_on AS DATE)), school_year_of(CAST(OLD.starts_on AS DATE)), 16;
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT s.org_id, school_year_of(CAST(OLD.starts_on AS DATE)), school_year_of(CAST(OLD.starts_on AS DATE)), 32 FROM fair_stands s WHERE s.event_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT NEW.org_id, school_year_of(CAST(NEW.starts_on AS DATE)), school_year_of(CAST(NEW.starts_on AS DATE)), 16;
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT s.org_id, school_year_of(CAST(NEW.starts_on AS DATE)), school_year_of(CAST(NEW.starts_on AS DATE)), 32 FROM fair_stands s WHERE s.event_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER events_read_model AFTER INSERT OR DELETE OR UPDATE OF org_id, role, kind, level, status, starts_on ON events
FOR EACH ROW EXECUTE FUNCTION events_read_model();

CREATE FUNCTION event_registrations_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT e.org_id, school_year_of(CAST(e.starts_on AS DATE)), school_year_of(CAST(e.starts_on AS DATE)), 16 FROM events e WHERE e.id = OLD.event_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT e.org_id, school_year_of(CAST(e.starts_on AS DATE)), school_year_of(CAST(e.starts_on AS DATE)), 16 FROM events e WHERE e.id = NEW.event_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER event_registrations_read_model AFTER INSERT OR DELETE OR UPDATE OF event_id, org_id, attended ON event_registrations
FOR EACH ROW EXECUTE FUNCTION event_registrations_read_model();

CREATE FUNCTION fair_stands_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT OLD.org_id, school_year_of(CAST(e.starts_on AS DATE)), school_year_of(CAST(e.starts_on AS DATE)), 32 FROM events e WHERE e.id = OLD.event_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT NEW.org_id, school_year_of(CAST(e.starts_on AS DATE)), school_year_of(CAST(e.starts_on AS DATE)), 32 FROM events e WHERE e.id = NEW.event_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER fair_stands_read_model AFTER INSERT OR DELETE OR UPDATE OF event_id, org_id ON fair_stands
FOR EACH ROW EXECUTE FUNCTION fair_stands_read_model();

CREATE FUNCTION stand_ratings_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT s.org_id, school_year_of(CAST(e.starts_on AS DATE)), school_year_of(CAST(e.starts_on AS DATE)), 32 FROM fair_stands s JOIN events e ON e.id = s.event_id WHERE s.id = OLD.stand_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT s.org_id, school_year_of(CAST(e.starts_on AS DATE)), school_year_of(CAST(e.starts_on AS DATE)), 32 FROM fair_stands s JOIN events e ON e.id = s.event_id WHERE s.id = NEW.stand_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER stand_ratings_read_model AFTER INSERT OR DELETE OR UPDATE OF stand_id, score ON stand_ratings
FOR EACH ROW EXECUTE FUNCTION stand_ratings_read_model();

CREATE FUNCTION requests_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT OLD.target_org_id, school_year_of(CAST(OLD.created_at AS DATE)), school_year_of(CAST(OLD.created_at AS DATE)), 64 WHERE OLD.target_org_id IS NOT NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT NEW.target_org_id, school_year_of(CAST(NEW.created_at AS DATE)), school_year_of(CAST(NEW.created_at AS DATE)), 64 WHERE NEW.target_org_id IS NOT NULL;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER requests_read_model AFTER INSERT OR DELETE OR UPDATE OF target_org_id, created_at ON requests
FOR EACH ROW EXECUTE FUNCTION requests_read_model();

CREATE FUNCTION deliveries_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT OLD.org_id, school_year_of(CAST(OLD.delivered_on AS DATE)), school_year_of(CAST(OLD.delivered_on AS DATE)), 128;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT NEW.org_id, school_year_of(CAST(NEW.delivered_on AS DATE)), school_year_of(CAST(NEW.delivered_on AS DATE)), 128;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER deliveries_read_model AFTER INSERT OR DELETE OR UPDATE OF org_id, recipient_org_id, delivered_on ON deliveries
FOR EACH ROW EXECUTE FUNCTION deliveries_read_model();

CREATE FUNCTION feedback_read_model() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT OLD.org_id, school_year_of(CAST(OLD.created_at AS DATE)), school_year_of(CAST(OLD.created_at AS DATE)), 256;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO read_model_dirty (org_id, first_year, last_year, parts)
        SELECT NEW.org_id, school_year_of(CAST(NEW.created_at AS DATE)), school_year_of(CAST(NEW.created_at AS DATE)), 256;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER feedback_read_model AFTER INSERT OR DELETE OR UPDATE OF org_id, csat, created_at ON feedback
FOR EACH ROW EXECUTE FUNCTION feedback_read_model();

