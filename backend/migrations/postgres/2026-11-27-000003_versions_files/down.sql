DROP TABLE resource_files;
DROP TABLE resource_versions;
