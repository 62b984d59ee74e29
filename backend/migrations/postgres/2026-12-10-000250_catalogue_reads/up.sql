-- The catalogue's totals per range of 256 ids (`bucket` = id / 256), by list name as in
-- `list_counts`: a page by number finds the range its first row lies in by adding up
-- these totals from the newest range down, then skips fewer than a range's rows in it,
-- so that a deep page costs what a first page costs (decision 37).
CREATE TABLE list_buckets (
    name TEXT NOT NULL,
    bucket BIGINT NOT NULL,
    total BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (name, bucket)
);

INSERT INTO list_buckets (name, bucket, total)
SELECT 'catalogue', id / 256, COUNT(*) FROM resources WHERE visibility = 'published'
GROUP BY id / 256
UNION ALL
SELECT 'catalogue.form:' || form, id / 256, COUNT(*) FROM resources WHERE visibility = 'published'
GROUP BY form, id / 256
UNION ALL
SELECT 'catalogue.element:' || element, id / 256, COUNT(*) FROM resources
WHERE visibility = 'published' AND element IS NOT NULL GROUP BY element, id / 256
UNION ALL
SELECT 'catalogue.level:' || p.level, r.id / 256, COUNT(*) FROM resources r
JOIN projects p ON p.id = r.project_id
WHERE r.visibility = 'published' GROUP BY p.level, r.id / 256;

-- The trigram index of the search column takes each write at once instead of through a
-- pending list: a search scans the whole pending list (after a bulk load, thousands of
-- rows: 9 ms for a term that matches nothing, against 0.05 ms), and resources are
-- written a few times a day while they are searched all the time (decision 36).
ALTER INDEX resources_search_trgm_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('resources_search_trgm_idx'::regclass);
