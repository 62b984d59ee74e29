ALTER TABLE certificates DROP CONSTRAINT certificates_revocation_whole;
ALTER TABLE certificates DROP COLUMN revoked_by;
ALTER TABLE certificates DROP COLUMN revoked_reason;
ALTER TABLE certificates DROP COLUMN revoked_on;
ALTER TABLE certificates DROP COLUMN code;
ALTER TABLE cohorts DROP COLUMN attendance_threshold;
