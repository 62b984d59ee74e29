DROP TRIGGER audit_log_no_truncate ON audit_log;
DROP TRIGGER audit_log_no_update_delete ON audit_log;
DROP FUNCTION audit_log_append_only();
ALTER TABLE deliveries DROP COLUMN feedback_links_issued;
DROP INDEX login_failures_failed_at_idx;
DROP INDEX login_failures_email_idx;
ALTER TABLE login_failures DROP COLUMN address;
CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at);
