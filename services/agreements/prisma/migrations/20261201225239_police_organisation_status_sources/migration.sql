-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('SITUATION_ANALYSIS', 'ACTION_PLAN', 'COMMISSIONED', 'CONSULTATION', 'DECISION', 'OTHER');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "CommitmentKind" AS ENUM ('JOINT_SITUATION_REPORT', 'ACTION_PLAN', 'OTHER');

-- AlterEnum
ALTER TYPE "LifecycleState" ADD VALUE 'COMMISSIONED';

-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN     "decidedBy" TEXT,
ADD COLUMN     "decidedOn" DATE,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "firstInSwedenClaim" TEXT,
ADD COLUMN     "firstInSwedenClaimedBy" TEXT,
ADD COLUMN     "policeDistrictId" TEXT,
ADD COLUMN     "policePartyName" TEXT,
ADD COLUMN     "policeRegionCode" TEXT,
ADD COLUMN     "seedHash" TEXT,
ADD COLUMN     "seededVersion" INTEGER;

-- AlterTable
ALTER TABLE "CitizenPromise" ADD COLUMN     "decidedBy" TEXT,
ADD COLUMN     "decidedOn" DATE,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "policeDistrictId" TEXT,
ADD COLUMN     "policePartyName" TEXT,
ADD COLUMN     "policeRegionCode" TEXT,
ADD COLUMN     "seedHash" TEXT,
ADD COLUMN     "seededVersion" INTEGER;

-- AlterTable
ALTER TABLE "LocalPoliceArea" ADD COLUMN     "nameStated" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "policeDistrictId" TEXT,
ADD COLUMN     "validFrom" DATE,
ADD COLUMN     "validTo" DATE,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "LocalPoliceAreaMunicipality" ADD COLUMN     "part" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "validFrom" DATE,
ADD COLUMN     "validTo" DATE;

-- AlterTable
ALTER TABLE "SteeringDocument" ADD COLUMN     "externalId" TEXT;

-- CreateTable
CREATE TABLE "PoliceDistrict" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "policeRegionCode" TEXT NOT NULL,
    "validFrom" DATE,
    "validTo" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PoliceDistrict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PoliceDistrictMunicipality" (
    "policeDistrictId" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "part" BOOLEAN NOT NULL DEFAULT false,
    "validFrom" DATE,
    "validTo" DATE,

    CONSTRAINT "PoliceDistrictMunicipality_pkey" PRIMARY KEY ("policeDistrictId","municipalityCode")
);

-- CreateTable
CREATE TABLE "LocalPoliceAreaSuccession" (
    "predecessorId" TEXT NOT NULL,
    "successorId" TEXT NOT NULL,
    "on" DATE NOT NULL,

    CONSTRAINT "LocalPoliceAreaSuccession_pkey" PRIMARY KEY ("predecessorId","successorId")
);

-- CreateTable
CREATE TABLE "OrganisationSource" (
    "id" TEXT NOT NULL,
    "policeRegionCode" TEXT,
    "policeDistrictId" TEXT,
    "localPoliceAreaId" TEXT,
    "title" TEXT NOT NULL,
    "publishedOn" DATE,
    "url" TEXT,
    "note" TEXT,
    "attestsOn" DATE,

    CONSTRAINT "OrganisationSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementCommitment" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "CommitmentKind" NOT NULL,
    "intervalMonths" INTEGER,
    "text" TEXT NOT NULL,
    "sourceTitle" TEXT NOT NULL,

    CONSTRAINT "AgreementCommitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "agreementId" TEXT,
    "citizenPromiseId" TEXT,
    "steeringDocumentId" TEXT,
    "kind" "MilestoneKind" NOT NULL,
    "title" TEXT NOT NULL,
    "planned" BOOLEAN NOT NULL,
    "on" DATE NOT NULL,
    "precision" "DatePrecision" NOT NULL,
    "body" TEXT,
    "sourceTitle" TEXT NOT NULL,
    "sourcePublishedOn" DATE,
    "note" TEXT,
    "seedKey" TEXT,
    "externalId" TEXT,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PoliceDistrict_policeRegionCode_idx" ON "PoliceDistrict"("policeRegionCode");

-- CreateIndex
CREATE INDEX "PoliceDistrictMunicipality_municipalityCode_idx" ON "PoliceDistrictMunicipality"("municipalityCode");

-- CreateIndex
CREATE INDEX "LocalPoliceAreaSuccession_successorId_idx" ON "LocalPoliceAreaSuccession"("successorId");

-- CreateIndex
CREATE INDEX "OrganisationSource_policeDistrictId_idx" ON "OrganisationSource"("policeDistrictId");

-- CreateIndex
CREATE INDEX "OrganisationSource_localPoliceAreaId_idx" ON "OrganisationSource"("localPoliceAreaId");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementCommitment_agreementId_position_key" ON "AgreementCommitment"("agreementId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_seedKey_key" ON "Milestone"("seedKey");

-- CreateIndex
CREATE INDEX "Milestone_municipalityCode_on_idx" ON "Milestone"("municipalityCode", "on");

-- CreateIndex
CREATE INDEX "Milestone_agreementId_idx" ON "Milestone"("agreementId");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_municipalityCode_externalId_key" ON "Milestone"("municipalityCode", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_municipalityCode_externalId_key" ON "Agreement"("municipalityCode", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "CitizenPromise_municipalityCode_externalId_key" ON "CitizenPromise"("municipalityCode", "externalId");

-- CreateIndex
CREATE INDEX "LocalPoliceArea_policeDistrictId_idx" ON "LocalPoliceArea"("policeDistrictId");

-- CreateIndex
CREATE UNIQUE INDEX "SteeringDocument_municipalityCode_externalId_key" ON "SteeringDocument"("municipalityCode", "externalId");

-- AddForeignKey
ALTER TABLE "PoliceDistrict" ADD CONSTRAINT "PoliceDistrict_policeRegionCode_fkey" FOREIGN KEY ("policeRegionCode") REFERENCES "PoliceRegion"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoliceDistrictMunicipality" ADD CONSTRAINT "PoliceDistrictMunicipality_policeDistrictId_fkey" FOREIGN KEY ("policeDistrictId") REFERENCES "PoliceDistrict"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoliceDistrictMunicipality" ADD CONSTRAINT "PoliceDistrictMunicipality_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalPoliceAreaSuccession" ADD CONSTRAINT "LocalPoliceAreaSuccession_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "LocalPoliceArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalPoliceAreaSuccession" ADD CONSTRAINT "LocalPoliceAreaSuccession_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "LocalPoliceArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationSource" ADD CONSTRAINT "OrganisationSource_policeRegionCode_fkey" FOREIGN KEY ("policeRegionCode") REFERENCES "PoliceRegion"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationSource" ADD CONSTRAINT "OrganisationSource_policeDistrictId_fkey" FOREIGN KEY ("policeDistrictId") REFERENCES "PoliceDistrict"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationSource" ADD CONSTRAINT "OrganisationSource_localPoliceAreaId_fkey" FOREIGN KEY ("localPoliceAreaId") REFERENCES "LocalPoliceArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalPoliceArea" ADD CONSTRAINT "LocalPoliceArea_policeDistrictId_fkey" FOREIGN KEY ("policeDistrictId") REFERENCES "PoliceDistrict"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_policeDistrictId_fkey" FOREIGN KEY ("policeDistrictId") REFERENCES "PoliceDistrict"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementCommitment" ADD CONSTRAINT "AgreementCommitment_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_citizenPromiseId_fkey" FOREIGN KEY ("citizenPromiseId") REFERENCES "CitizenPromise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_steeringDocumentId_fkey" FOREIGN KEY ("steeringDocumentId") REFERENCES "SteeringDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenPromise" ADD CONSTRAINT "CitizenPromise_policeDistrictId_fkey" FOREIGN KEY ("policeDistrictId") REFERENCES "PoliceDistrict"("id") ON DELETE SET NULL ON UPDATE CASCADE;
