-- Feedback tied to people (docs/decisions.md, 29). A delivery states how many people it
-- reached, and its receiving school issues at most that many feedback links; each link
-- names its respondent's e-mail, normalised (trimmed, lower-cased), and an e-mail has one
-- link and one answer per delivery. Deliveries recorded before keep the cap of 30 links
-- they were issued under.
ALTER TABLE deliveries ADD COLUMN recipients INTEGER NOT NULL DEFAULT 1;
UPDATE deliveries SET recipients = 30;

-- Links issued before have no e-mail (NULL, outside the uniqueness).
ALTER TABLE feedback_links ADD COLUMN respondent_email TEXT;
CREATE UNIQUE INDEX feedback_links_respondent_email ON feedback_links (delivery_id, respondent_email);

-- The answer records its respondent's e-mail: an answer in the app its account's (the
-- accounts' e-mails are stored normalised), so the old in-app answers take theirs;
-- old answers by link stay without one.
ALTER TABLE feedback ADD COLUMN respondent_email TEXT;
UPDATE feedback SET respondent_email =
    (SELECT users.email FROM users WHERE users.id = feedback.respondent_user_id)
WHERE respondent_user_id IS NOT NULL;
CREATE UNIQUE INDEX feedback_respondent_email ON feedback (delivery_id, respondent_email);

-- The read model counts distinct respondents: a respondent is the e-mail, or for an old
-- answer by link without one its old key. Who answered about which resource and which
-- school's resources, one row each, so a new answer learns whether its respondent is new
-- from an insert that does nothing on conflict.
CREATE TABLE resource_respondents (
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    respondent TEXT NOT NULL,
    PRIMARY KEY (resource_id, respondent)
);
CREATE TABLE school_respondents (
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    respondent TEXT NOT NULL,
    PRIMARY KEY (org_id, respondent)
);
INSERT INTO resource_respondents (resource_id, respondent)
SELECT DISTINCT resource_id, COALESCE(respondent_email, respondent_key) FROM feedback;
INSERT INTO school_respondents (org_id, respondent)
SELECT DISTINCT org_id, COALESCE(respondent_email, respondent_key) FROM feedback;

ALTER TABLE resource_stats ADD COLUMN respondents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE school_stats ADD COLUMN respondents BIGINT NOT NULL DEFAULT 0;
UPDATE resource_stats SET respondents =
    (SELECT COUNT(*) FROM resource_respondents a WHERE a.resource_id = resource_stats.resource_id);
UPDATE school_stats SET respondents =
    (SELECT COUNT(*) FROM school_respondents a WHERE a.org_id = school_stats.org_id);
