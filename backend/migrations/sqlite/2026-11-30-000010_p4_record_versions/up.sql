-- Every editable record carries a version: 1 when created, incremented by every write.
-- A write names the version it read (If-Match) and updates only `WHERE version = ?`.
ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE projects ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE resources ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE requests ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE ranking_rounds ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE problems ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE structures ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE document_versions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plan_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE indicators ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE orders ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- The director's approval names the structure's version it approved (NULL: approved
-- before versions were recorded).
ALTER TABLE structure_approvals ADD COLUMN structure_version INTEGER;
