-- Stable ids of reference records (#16, see the README section "Ids"): a record loaded from the reference data
-- has its seed key as its id, the same in every installation (agreements and medborgarlöften
-- always had). Styrdokument and milestones seeded before this migration have random UUIDs: they
-- are given their seed keys here, with the audit trail's references to them (agreements' links to
-- styrdokument and milestones' to theirs follow by ON UPDATE CASCADE). Records users created or
-- imported keep their ids.

UPDATE "AuditEntry" e SET "entityKey" = r."seedKey"
FROM "SteeringDocument" r
WHERE e."entityType" = 'SteeringDocument' AND e."entityKey" = r."id" AND r."seedKey" IS NOT NULL AND r."id" <> r."seedKey";

UPDATE "AuditEntry" e SET "entityKey" = r."seedKey"
FROM "Milestone" r
WHERE e."entityType" = 'Milestone' AND e."entityKey" = r."id" AND r."seedKey" IS NOT NULL AND r."id" <> r."seedKey";

UPDATE "SteeringDocument" SET "id" = "seedKey" WHERE "seedKey" IS NOT NULL AND "id" <> "seedKey";
UPDATE "Milestone" SET "id" = "seedKey" WHERE "seedKey" IS NOT NULL AND "id" <> "seedKey";
