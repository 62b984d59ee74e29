-- The stands merged by the up migration are not restored.
DROP INDEX fair_stands_event_org_key;
