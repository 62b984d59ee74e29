-- Sign-in failures are counted per account AND client address, so that nobody can lock
-- the real user out from elsewhere.
ALTER TABLE login_failures ADD COLUMN address TEXT NOT NULL DEFAULT '';
DROP INDEX login_failures_email_idx;
CREATE INDEX login_failures_email_idx ON login_failures (email, address, failed_at);
-- Attempts older than a day are forgotten at every attempt.
CREATE INDEX login_failures_failed_at_idx ON login_failures (failed_at);

-- Feedback links issued per delivery, capped: a conditional increment of this counter is
-- the one race-free place where the cap is enforced.
ALTER TABLE deliveries ADD COLUMN feedback_links_issued INTEGER NOT NULL DEFAULT 0;
UPDATE deliveries SET feedback_links_issued =
    (SELECT count(*) FROM feedback_links WHERE feedback_links.delivery_id = deliveries.id);

-- The audit trail is append-only: no role the application uses can change or remove an
-- entry (the table owner could drop the trigger; the README runs the app as another role).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
