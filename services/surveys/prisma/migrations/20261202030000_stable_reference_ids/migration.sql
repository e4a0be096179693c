-- Stable ids of reference records (#16, see the README section "Ids"). A survey finding loaded from the reference
-- data has its seed key as its id, a survey result has the MD5 of its natural key (survey round,
-- indicator, area level, area code, delområde, origin, joined by "|") written as a UUID, as
-- src/results/write.ts gives new ones. Both are the same in every installation. Rows stored before
-- this migration had random UUIDs: they, and the audit trail's references to results, are
-- rewritten here.

UPDATE "SurveyFinding" SET "id" = "seedKey" WHERE "seedKey" IS NOT NULL AND "id" <> "seedKey";

UPDATE "AuditEntry" e SET "entityKey" = md5(concat_ws('|', r."surveyId", r."indicatorCode", r."areaLevel"::text, r."areaCode", r."subAreaName", r."origin"::text))::uuid::text
FROM "SurveyResult" r
WHERE e."entityType" = 'SurveyResult' AND e."entityKey" = r."id" AND r."id" <> md5(concat_ws('|', r."surveyId", r."indicatorCode", r."areaLevel"::text, r."areaCode", r."subAreaName", r."origin"::text))::uuid::text;

UPDATE "SurveyResult" r SET "id" = md5(concat_ws('|', r."surveyId", r."indicatorCode", r."areaLevel"::text, r."areaCode", r."subAreaName", r."origin"::text))::uuid::text
WHERE r."id" <> md5(concat_ws('|', r."surveyId", r."indicatorCode", r."areaLevel"::text, r."areaCode", r."subAreaName", r."origin"::text))::uuid::text;
