DROP TRIGGER audit_log_no_delete;
DROP TRIGGER audit_log_no_update;
ALTER TABLE deliveries DROP COLUMN feedback_links_issued;
DROP INDEX login_failures_failed_at_idx;
DROP INDEX login_failures_email_idx;
ALTER TABLE login_failures DROP COLUMN address;
CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at);
