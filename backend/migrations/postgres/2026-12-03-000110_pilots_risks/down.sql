DELETE FROM attachments WHERE owner_kind = 'pilot';
ALTER TABLE attachments DROP CONSTRAINT attachments_owner_kind_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_owner_kind_check
    CHECK (owner_kind IN ('document_version', 'plan_item'));
DROP TABLE risk_changes;
DROP TABLE risks;
DROP TABLE pilot_sites;
DROP TABLE pilots;
