-- Stable ids of reference records (#16, see the README section "Ids"): a record loaded from the reference data
-- has its seed key as its id, the same in every installation. Records seeded before this migration
-- have random UUIDs: they are given their seed keys here, with the audit trail's references to them
-- (their follow-ups, responsible parties and status changes follow by ON UPDATE CASCADE, and an
-- åtgärd's origin in a plan by the UPDATE of "originKey"). Records users created keep their ids.

UPDATE "Action" a SET "originKey" = p."seedKey"
FROM "ActionPlan" p
WHERE a."origin" = 'ACTION_PLAN' AND a."originKey" = p."id" AND p."seedKey" IS NOT NULL AND p."id" <> p."seedKey";

UPDATE "AuditEntry" e SET "entityKey" = r."seedKey"
FROM "Action" r
WHERE e."entityType" = 'Action' AND e."entityKey" = r."id" AND r."seedKey" IS NOT NULL AND r."id" <> r."seedKey";

UPDATE "AuditEntry" e SET "entityKey" = r."seedKey"
FROM "ActionPlan" r
WHERE e."entityType" = 'ActionPlan' AND e."entityKey" = r."id" AND r."seedKey" IS NOT NULL AND r."id" <> r."seedKey";

UPDATE "AuditEntry" e SET "entityKey" = r."seedKey"
FROM "SituationReport" r
WHERE e."entityType" = 'SituationReport' AND e."entityKey" = r."id" AND r."seedKey" IS NOT NULL AND r."id" <> r."seedKey";

UPDATE "Action" SET "id" = "seedKey" WHERE "seedKey" IS NOT NULL AND "id" <> "seedKey";
UPDATE "ActionPlan" SET "id" = "seedKey" WHERE "seedKey" IS NOT NULL AND "id" <> "seedKey";
UPDATE "SituationReport" SET "id" = "seedKey" WHERE "seedKey" IS NOT NULL AND "id" <> "seedKey";
