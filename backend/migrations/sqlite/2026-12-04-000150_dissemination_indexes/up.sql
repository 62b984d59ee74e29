-- The dissemination figures of a school year read each school's records by date: these
-- indexes let them range-scan one school's year instead of all its rows.
CREATE INDEX pilots_org_period_idx ON pilots (org_id, starts_on);
CREATE INDEX risks_org_status_idx ON risks (org_id, status);
CREATE INDEX cohorts_org_period_idx ON cohorts (org_id, starts_on);
CREATE INDEX enrolments_host_completed_idx ON enrolments (host_org_id, completed_on);
CREATE INDEX certificates_org_issued_idx ON certificates (org_id, issued_on);
CREATE INDEX event_registrations_event_attended_idx ON event_registrations (event_id, attended);
CREATE INDEX fair_stands_org_idx ON fair_stands (org_id, event_id);
CREATE INDEX requests_target_created_idx ON requests (target_org_id, created_at);
CREATE INDEX deliveries_org_delivered_idx ON deliveries (org_id, delivered_on);
CREATE INDEX feedback_org_created_idx ON feedback (org_id, created_at, csat);
