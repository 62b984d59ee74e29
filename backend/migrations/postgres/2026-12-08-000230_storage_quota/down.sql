CREATE INDEX resource_files_resource_idx ON resource_files (resource_id);
DROP INDEX resource_files_resource_size_idx;
DROP INDEX attachments_org_size_idx;
