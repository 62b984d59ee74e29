-- The read model: the figures lists show (satisfaction tallies, requests, deliveries,
-- adopting schools, per-school sums, list totals), kept up to date in the transactions
-- that change the raw rows, so that a page reads them instead of aggregating answers.
CREATE TABLE resource_stats (
    resource_id BIGINT PRIMARY KEY REFERENCES resources (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    project_id BIGINT NOT NULL REFERENCES projects (id),
    responses BIGINT NOT NULL DEFAULT 0,
    by_link BIGINT NOT NULL DEFAULT 0,
    satisfied BIGINT NOT NULL DEFAULT 0,
    promoters BIGINT NOT NULL DEFAULT 0,
    passives BIGINT NOT NULL DEFAULT 0,
    detractors BIGINT NOT NULL DEFAULT 0,
    ready BIGINT NOT NULL DEFAULT 0,
    requests BIGINT NOT NULL DEFAULT 0,
    deliveries BIGINT NOT NULL DEFAULT 0,
    adopting_schools BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX resource_stats_project_idx ON resource_stats (project_id);

CREATE TABLE school_stats (
    org_id BIGINT PRIMARY KEY REFERENCES organisations (id),
    projects BIGINT NOT NULL DEFAULT 0,
    active_projects BIGINT NOT NULL DEFAULT 0,
    resources BIGINT NOT NULL DEFAULT 0,
    published_resources BIGINT NOT NULL DEFAULT 0,
    requests_received BIGINT NOT NULL DEFAULT 0,
    responses BIGINT NOT NULL DEFAULT 0,
    by_link BIGINT NOT NULL DEFAULT 0,
    satisfied BIGINT NOT NULL DEFAULT 0,
    promoters BIGINT NOT NULL DEFAULT 0,
    passives BIGINT NOT NULL DEFAULT 0,
    detractors BIGINT NOT NULL DEFAULT 0,
    ready BIGINT NOT NULL DEFAULT 0,
    requests BIGINT NOT NULL DEFAULT 0,
    deliveries BIGINT NOT NULL DEFAULT 0,
    adoptions BIGINT NOT NULL DEFAULT 0,
    adopting_schools BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE resource_adopters (
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    recipient_org_id BIGINT NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (resource_id, recipient_org_id)
);

CREATE TABLE school_adopters (
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    recipient_org_id BIGINT NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (org_id, recipient_org_id)
);

CREATE TABLE list_counts (
    name TEXT PRIMARY KEY,
    total BIGINT NOT NULL
);

-- Keyset pages of the catalogue (newest first) with and without its filters, and of the
-- registry (by short name, ties by id).
CREATE INDEX resources_published_idx ON resources (visibility, id);
CREATE INDEX resources_element_idx ON resources (visibility, element, id);
CREATE INDEX resources_org_visibility_idx ON resources (org_id, visibility, id);

CREATE INDEX organisations_kind_name_id_idx ON organisations (kind, short_name, id);
DROP INDEX organisations_kind_name_idx;

-- Substring search with an index: trigram GIN indexes over the normalised `search`
-- columns, which `LIKE '%term%'` uses for terms of three characters or more.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX resources_search_trgm_idx ON resources USING gin (search gin_trgm_ops);
CREATE INDEX organisations_search_trgm_idx ON organisations USING gin (search gin_trgm_ops);

-- The backfill from the rows already there.
INSERT INTO resource_stats (resource_id, org_id, project_id, responses, by_link, satisfied, promoters,
                            passives, detractors, ready, requests, deliveries, adopting_schools)
SELECT r.id, r.org_id, r.project_id,
       COALESCE(f.responses, 0), COALESCE(f.by_link, 0), COALESCE(f.satisfied, 0),
       COALESCE(f.promoters, 0), COALESCE(f.passives, 0), COALESCE(f.detractors, 0),
       COALESCE(f.ready, 0), COALESCE(q.taken, 0), COALESCE(d.delivered, 0), COALESCE(d.schools, 0)
FROM resources r
LEFT JOIN (SELECT resource_id,
                  COUNT(*) AS responses,
                  SUM(CASE WHEN via = 'link' THEN 1 ELSE 0 END) AS by_link,
                  SUM(CASE WHEN csat >= 4 THEN 1 ELSE 0 END) AS satisfied,
                  SUM(CASE WHEN recommend >= 9 THEN 1 ELSE 0 END) AS promoters,
                  SUM(CASE WHEN recommend IN (7, 8) THEN 1 ELSE 0 END) AS passives,
                  SUM(CASE WHEN recommend <= 6 THEN 1 ELSE 0 END) AS detractors,
                  SUM(CASE WHEN ready THEN 1 ELSE 0 END) AS ready
           FROM feedback GROUP BY resource_id) f ON f.resource_id = r.id
LEFT JOIN (SELECT resource_id, COUNT(*) AS taken
           FROM requests WHERE status IN ('accepted', 'answered') AND resource_id IS NOT NULL
           GROUP BY resource_id) q ON q.resource_id = r.id
LEFT JOIN (SELECT resource_id, COUNT(*) AS delivered, COUNT(DISTINCT recipient_org_id) AS schools
           FROM deliveries GROUP BY resource_id) d ON d.resource_id = r.id;

INSERT INTO resource_adopters (resource_id, recipient_org_id)
SELECT DISTINCT resource_id, recipient_org_id FROM deliveries;

INSERT INTO school_adopters (org_id, recipient_org_id)
SELECT DISTINCT r.org_id, d.recipient_org_id FROM deliveries d JOIN resources r ON r.id = d.resource_id;

INSERT INTO school_stats (org_id, projects, active_projects, resources, published_resources,
                          requests_received, responses, by_link, satisfied, promoters, passives,
                          detractors, ready, requests, deliveries, adoptions, adopting_schools)
SELECT o.id,
       (SELECT COUNT(*) FROM projects p WHERE p.org_id = o.id),
       (SELECT COUNT(*) FROM projects p WHERE p.org_id = o.id AND p.status = 'active'),
       (SELECT COUNT(*) FROM resources r WHERE r.org_id = o.id),
       (SELECT COUNT(*) FROM resources r WHERE r.org_id = o.id AND r.visibility = 'published'),
       (SELECT COUNT(*) FROM requests q WHERE q.target_org_id = o.id),
       COALESCE(s.responses, 0), COALESCE(s.by_link, 0), COALESCE(s.satisfied, 0),
       COALESCE(s.promoters, 0), COALESCE(s.passives, 0), COALESCE(s.detractors, 0),
       COALESCE(s.ready, 0), COALESCE(s.requests, 0), COALESCE(s.deliveries, 0),
       COALESCE(s.adoptions, 0),
       (SELECT COUNT(*) FROM school_adopters a WHERE a.org_id = o.id)
FROM organisations o
LEFT JOIN (SELECT org_id, SUM(responses) AS responses, SUM(by_link) AS by_link,
                  SUM(satisfied) AS satisfied, SUM(promoters) AS promoters,
                  SUM(passives) AS passives, SUM(detractors) AS detractors, SUM(ready) AS ready,
                  SUM(requests) AS requests, SUM(deliveries) AS deliveries,
                  SUM(adopting_schools) AS adoptions
           FROM resource_stats GROUP BY org_id) s ON s.org_id = o.id;

INSERT INTO list_counts (name, total)
SELECT 'catalogue', COUNT(*) FROM resources WHERE visibility = 'published'
UNION ALL
SELECT 'catalogue.form:' || form, COUNT(*) FROM resources WHERE visibility = 'published' GROUP BY form
UNION ALL
SELECT 'catalogue.element:' || element, COUNT(*) FROM resources
WHERE visibility = 'published' AND element IS NOT NULL GROUP BY element
UNION ALL
SELECT 'catalogue.level:' || p.level, COUNT(*) FROM resources r JOIN projects p ON p.id = r.project_id
WHERE r.visibility = 'published' GROUP BY p.level
UNION ALL
SELECT 'registry', COUNT(*) FROM organisations WHERE kind = 'school';
