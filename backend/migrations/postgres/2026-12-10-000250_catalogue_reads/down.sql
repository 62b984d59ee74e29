ALTER INDEX resources_search_trgm_idx RESET (fastupdate);
DROP TABLE list_buckets;
