DROP TABLE list_buckets;
