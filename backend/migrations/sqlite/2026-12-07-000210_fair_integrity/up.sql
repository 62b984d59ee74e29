-- One stand per school at a fair. A school that presented several keeps its earliest:
-- the ratings of the later ones move to it (a visitor who rated more than one of them
-- keeps the rating of the earliest they rated), and the later stands go with their
-- lists of resources (their creation stays in the audit trail).
DELETE FROM stand_ratings
WHERE EXISTS (
    SELECT 1
    FROM fair_stands rated, stand_ratings earlier, fair_stands earlier_stand
    WHERE rated.id = stand_ratings.stand_id
      AND earlier.user_id = stand_ratings.user_id
      AND earlier_stand.id = earlier.stand_id
      AND earlier_stand.event_id = rated.event_id
      AND earlier_stand.org_id = rated.org_id
      AND earlier_stand.id < rated.id
);
UPDATE stand_ratings
SET stand_id = (
    SELECT MIN(kept.id)
    FROM fair_stands later, fair_stands kept
    WHERE later.id = stand_ratings.stand_id
      AND kept.event_id = later.event_id
      AND kept.org_id = later.org_id
)
WHERE stand_id IN (
    SELECT later.id
    FROM fair_stands later, fair_stands kept
    WHERE kept.event_id = later.event_id AND kept.org_id = later.org_id AND kept.id < later.id
);
DELETE FROM fair_stand_resources
WHERE stand_id IN (
    SELECT later.id
    FROM fair_stands later, fair_stands kept
    WHERE kept.event_id = later.event_id AND kept.org_id = later.org_id AND kept.id < later.id
);
DELETE FROM fair_stands
WHERE EXISTS (
    SELECT 1
    FROM fair_stands kept
    WHERE kept.event_id = fair_stands.event_id AND kept.org_id = fair_stands.org_id AND kept.id < fair_stands.id
);
CREATE UNIQUE INDEX fair_stands_event_org_key ON fair_stands (event_id, org_id);
