DELETE FROM attachments WHERE owner_kind = 'event';
ALTER TABLE attachments DROP CONSTRAINT attachments_owner_kind_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_owner_kind_check
    CHECK (owner_kind IN ('document_version', 'plan_item', 'pilot'));
DROP TABLE stand_ratings;
DROP TABLE fair_stand_resources;
DROP TABLE fair_stands;
DROP TABLE event_feedback;
DROP TABLE event_registrations;
DROP TABLE event_resources;
DROP TABLE events;
