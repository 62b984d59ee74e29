-- Recomputes the read model from the raw rows (the same statements as the migration's
-- backfill): per resource, per school, the adopting schools, the respondents, and the
-- list totals, whole and per range of ids. A respondent is an answer's e-mail, or an old answer's respondent key.
DELETE FROM list_counts;
DELETE FROM list_buckets;
DELETE FROM school_respondents;
DELETE FROM resource_respondents;
DELETE FROM school_adopters;
DELETE FROM resource_adopters;
DELETE FROM school_stats;
DELETE FROM resource_stats;

INSERT INTO resource_respondents (resource_id, respondent)
SELECT DISTINCT resource_id, COALESCE(respondent_email, respondent_key) FROM feedback;

INSERT INTO school_respondents (org_id, respondent)
SELECT DISTINCT org_id, COALESCE(respondent_email, respondent_key) FROM feedback;

INSERT INTO resource_stats (resource_id, org_id, project_id, responses, by_link, satisfied, promoters,
                            passives, detractors, ready, requests, deliveries, adopting_schools,
                            respondents)
SELECT r.id, r.org_id, r.project_id,
       COALESCE(f.responses, 0), COALESCE(f.by_link, 0), COALESCE(f.satisfied, 0),
       COALESCE(f.promoters, 0), COALESCE(f.passives, 0), COALESCE(f.detractors, 0),
       COALESCE(f.ready, 0), COALESCE(q.taken, 0), COALESCE(d.delivered, 0), COALESCE(d.schools, 0),
       (SELECT COUNT(*) FROM resource_respondents a WHERE a.resource_id = r.id)
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
                          detractors, ready, requests, deliveries, adoptions, adopting_schools,
                          respondents)
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
       (SELECT COUNT(*) FROM school_adopters a WHERE a.org_id = o.id),
       (SELECT COUNT(*) FROM school_respondents a WHERE a.org_id = o.id)
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
