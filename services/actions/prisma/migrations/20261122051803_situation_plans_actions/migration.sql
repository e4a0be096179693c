-- CreateEnum
CREATE TYPE "ActionOrigin" AS ENUM ('ACTION_PLAN', 'CITIZEN_PROMISE', 'AGREEMENT', 'STEERING_DOCUMENT');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'PARTIES');

-- CreateEnum
CREATE TYPE "ResponsibleKind" AS ENUM ('MUNICIPAL_DEPARTMENT', 'POLICE', 'OTHER');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('EFFECTIVE', 'PARTLY', 'NOT_EFFECTIVE', 'TOO_EARLY');

-- CreateEnum
CREATE TYPE "Trend" AS ENUM ('INCREASING', 'STABLE', 'DECREASING', 'UNKNOWN');

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "actionPlanId" TEXT,
ADD COLUMN     "description" TEXT,
ADD COLUMN     "focusAreaCode" TEXT,
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION,
ADD COLUMN     "method" TEXT,
ADD COLUMN     "origin" "ActionOrigin",
ADD COLUMN     "originKey" TEXT,
ADD COLUMN     "place" TEXT,
ADD COLUMN     "seedKey" TEXT,
ADD COLUMN     "sources" JSONB,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC';

-- CreateTable
CREATE TABLE "SituationReport" (
    "id" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "localPoliceAreaIds" TEXT[],
    "periodFrom" DATE,
    "periodTo" DATE,
    "decidedOn" DATE,
    "decidedBy" TEXT,
    "joint" BOOLEAN NOT NULL DEFAULT false,
    "summary" TEXT,
    "dataSources" TEXT[],
    "seedKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SituationReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SituationFinding" (
    "id" TEXT NOT NULL,
    "situationReportId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "problem" TEXT NOT NULL,
    "area" TEXT,
    "focusAreaCode" TEXT,
    "trend" "Trend" NOT NULL DEFAULT 'UNKNOWN',

    CONSTRAINT "SituationFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionPlan" (
    "id" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "decidedOn" DATE,
    "decidedBy" TEXT,
    "periodFrom" DATE,
    "periodTo" DATE,
    "seedKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionPlanSituationReport" (
    "actionPlanId" TEXT NOT NULL,
    "situationReportId" TEXT NOT NULL,

    CONSTRAINT "ActionPlanSituationReport_pkey" PRIMARY KEY ("actionPlanId","situationReportId")
);

-- CreateTable
CREATE TABLE "ActionPlanRevision" (
    "id" TEXT NOT NULL,
    "actionPlanId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "decidedOn" DATE,
    "note" TEXT,
    "items" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionPlanRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionResponsible" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "kind" "ResponsibleKind" NOT NULL,
    "name" TEXT NOT NULL,
    "lead" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ActionResponsible_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionStatusChange" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "fromStatus" "ActionStatus",
    "toStatus" "ActionStatus" NOT NULL,
    "changedOn" DATE NOT NULL,
    "changedBy" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "author" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "outcome" "Outcome" NOT NULL,
    "indicatorCodes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SituationReport_seedKey_key" ON "SituationReport"("seedKey");

-- CreateIndex
CREATE INDEX "SituationReport_municipalityCode_decidedOn_idx" ON "SituationReport"("municipalityCode", "decidedOn");

-- CreateIndex
CREATE UNIQUE INDEX "SituationFinding_situationReportId_position_key" ON "SituationFinding"("situationReportId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ActionPlan_seedKey_key" ON "ActionPlan"("seedKey");

-- CreateIndex
CREATE INDEX "ActionPlan_municipalityCode_decidedOn_idx" ON "ActionPlan"("municipalityCode", "decidedOn");

-- CreateIndex
CREATE UNIQUE INDEX "ActionPlanRevision_actionPlanId_number_key" ON "ActionPlanRevision"("actionPlanId", "number");

-- CreateIndex
CREATE INDEX "ActionResponsible_actionId_idx" ON "ActionResponsible"("actionId");

-- CreateIndex
CREATE INDEX "ActionStatusChange_actionId_idx" ON "ActionStatusChange"("actionId");

-- CreateIndex
CREATE INDEX "FollowUp_actionId_idx" ON "FollowUp"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "Action_seedKey_key" ON "Action"("seedKey");

-- CreateIndex
CREATE INDEX "Action_origin_originKey_idx" ON "Action"("origin", "originKey");

-- CreateIndex
CREATE INDEX "Action_focusAreaCode_idx" ON "Action"("focusAreaCode");

-- AddForeignKey
ALTER TABLE "SituationFinding" ADD CONSTRAINT "SituationFinding_situationReportId_fkey" FOREIGN KEY ("situationReportId") REFERENCES "SituationReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlanSituationReport" ADD CONSTRAINT "ActionPlanSituationReport_actionPlanId_fkey" FOREIGN KEY ("actionPlanId") REFERENCES "ActionPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlanSituationReport" ADD CONSTRAINT "ActionPlanSituationReport_situationReportId_fkey" FOREIGN KEY ("situationReportId") REFERENCES "SituationReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlanRevision" ADD CONSTRAINT "ActionPlanRevision_actionPlanId_fkey" FOREIGN KEY ("actionPlanId") REFERENCES "ActionPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_actionPlanId_fkey" FOREIGN KEY ("actionPlanId") REFERENCES "ActionPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionResponsible" ADD CONSTRAINT "ActionResponsible_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionStatusChange" ADD CONSTRAINT "ActionStatusChange_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;
