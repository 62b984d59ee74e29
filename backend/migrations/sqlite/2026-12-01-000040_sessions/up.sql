-- A session is one sign-in. Its refresh tokens form the family named by the session's id,
-- and every access token names it (the `sid` claim), so that ending the session (sign-out,
-- password change or reset, deactivation, a stolen refresh token) refuses both at once.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- The sign-ins made before sessions were recorded: one per refresh-token family, ended
-- when every token of the family is revoked.
INSERT INTO sessions (id, user_id, created_at, revoked_at)
SELECT family_id, MIN(user_id), MIN(created_at),
       CASE WHEN COUNT(*) = COUNT(revoked_at) THEN MAX(revoked_at) END
FROM refresh_tokens
GROUP BY family_id;
