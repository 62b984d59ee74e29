DROP TABLE feedback;
DROP TABLE feedback_links;
