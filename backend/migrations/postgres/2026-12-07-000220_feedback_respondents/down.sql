ALTER TABLE school_stats DROP COLUMN respondents;
ALTER TABLE resource_stats DROP COLUMN respondents;
DROP TABLE school_respondents;
DROP TABLE resource_respondents;
DROP INDEX feedback_respondent_email;
ALTER TABLE feedback DROP COLUMN respondent_email;
DROP INDEX feedback_links_respondent_email;
ALTER TABLE feedback_links DROP COLUMN respondent_email;
ALTER TABLE deliveries DROP COLUMN recipients;
