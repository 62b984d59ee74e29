-- Records people rely on cannot be forged (Regulation 1.3 c, 2.3):
-- a cohort states the share of its hours a teacher must attend to complete;
-- a certificate carries a random verification code (80 bits, 20 hexadecimal digits)
-- that the public check needs before it shows the holder's full name, and may be
-- revoked by its issuer with a reason.

ALTER TABLE cohorts
    ADD COLUMN attendance_threshold INTEGER NOT NULL DEFAULT 75
    CHECK (attendance_threshold BETWEEN 1 AND 100);

ALTER TABLE certificates ADD COLUMN code TEXT NOT NULL DEFAULT '';
-- Codes for the certificates issued so far, from SQLite's strong random source.
UPDATE certificates SET code = hex(randomblob(10));

ALTER TABLE certificates ADD COLUMN revoked_on DATE;
ALTER TABLE certificates ADD COLUMN revoked_reason TEXT;
ALTER TABLE certificates ADD COLUMN revoked_by BIGINT REFERENCES users (id);
