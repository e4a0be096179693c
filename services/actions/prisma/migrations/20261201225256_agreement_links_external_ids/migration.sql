-- CreateEnum
CREATE TYPE "AgreementLink" AS ENUM ('STATED', 'SAME_DECISION', 'SAME_PACKAGE');

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "agreementId" TEXT,
ADD COLUMN     "agreementLink" "AgreementLink",
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "seedHash" TEXT,
ADD COLUMN     "seededVersion" INTEGER;

-- AlterTable
ALTER TABLE "ActionPlan" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "SituationReport" ADD COLUMN     "externalId" TEXT;

-- CreateIndex
CREATE INDEX "Action_agreementId_idx" ON "Action"("agreementId");

-- CreateIndex
CREATE UNIQUE INDEX "Action_municipalityCode_externalId_key" ON "Action"("municipalityCode", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "ActionPlan_municipalityCode_externalId_key" ON "ActionPlan"("municipalityCode", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "SituationReport_municipalityCode_externalId_key" ON "SituationReport"("municipalityCode", "externalId");
