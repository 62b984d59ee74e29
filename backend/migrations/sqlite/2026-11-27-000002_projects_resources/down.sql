DROP TABLE audit_log;
DROP TABLE resource_kit_items;
DROP TABLE resource_authors;
DROP TABLE resources;
DROP TABLE projects;
