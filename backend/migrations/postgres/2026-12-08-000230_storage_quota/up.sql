-- An upload counts and sums the files its organisation keeps (the storage quota): the
-- attachments through this index alone, the resource version files by resource.
CREATE INDEX attachments_org_size_idx ON attachments (org_id, size);
CREATE INDEX resource_files_resource_size_idx ON resource_files (resource_id, size);
DROP INDEX resource_files_resource_idx;
