-- Records people rely on cannot be forged (Regulation 1.3 c, 2.3):
-- a cohort states the share of its hours a teacher must attend to complete;
-- a certificate carries a random verification code (80 bits, 20 hexadecimal digits)
-- that the public check needs before it shows the holder's full name, and may be
-- revoked by its issuer with a reason.

ALTER TABLE cohorts
    ADD COLUMN attendance_threshold INTEGER NOT NULL DEFAULT 75
    CHECK (attendance_threshold BETWEEN 1 AND 100);

ALTER TABLE certificates ADD COLUMN code TEXT;
-- Codes for the certificates issued so far: 20 hexadecimal digits of an MD5 of a
-- version-4 UUID, drawn from the server's strong random source.
UPDATE certificates SET code = upper(substr(md5(gen_random_uuid()::text), 1, 20));
ALTER TABLE certificates ALTER COLUMN code SET NOT NULL;

ALTER TABLE certificates ADD COLUMN revoked_on DATE;
ALTER TABLE certificates ADD COLUMN revoked_reason TEXT;
ALTER TABLE certificates ADD COLUMN revoked_by BIGINT REFERENCES users (id);
ALTER TABLE certificates
    ADD CONSTRAINT certificates_revocation_whole
    CHECK ((revoked_on IS NULL) = (revoked_reason IS NULL));
