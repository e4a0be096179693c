-- CreateEnum
CREATE TYPE "LifecycleState" AS ENUM ('DRAFT', 'SIGNED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Party" AS ENUM ('MUNICIPALITY', 'POLICE');

-- CreateTable
CREATE TABLE "FocusArea" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "FocusArea_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "state" "LifecycleState" NOT NULL DEFAULT 'DRAFT',
    "validFrom" DATE,
    "validTo" DATE,
    "signedOn" DATE,
    "approvedBy" TEXT,
    "purpose" TEXT,
    "goals" TEXT,
    "followUp" TEXT,
    "supersededOn" DATE,
    "withdrawnOn" DATE,
    "previousId" TEXT,
    "seedKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementLocalPoliceArea" (
    "agreementId" TEXT NOT NULL,
    "localPoliceAreaId" TEXT NOT NULL,

    CONSTRAINT "AgreementLocalPoliceArea_pkey" PRIMARY KEY ("agreementId","localPoliceAreaId")
);

-- CreateTable
CREATE TABLE "Signatory" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT,
    "citizenPromiseId" TEXT,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "party" "Party" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Signatory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementFocusArea" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "focusAreaCode" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "AgreementFocusArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SteeringDocument" (
    "id" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT,
    "periodStartYear" INTEGER,
    "periodEndYear" INTEGER,
    "adoptedOn" DATE,
    "adoptedBy" TEXT,
    "seedKey" TEXT,

    CONSTRAINT "SteeringDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementSteeringDocument" (
    "agreementId" TEXT NOT NULL,
    "steeringDocumentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AgreementSteeringDocument_pkey" PRIMARY KEY ("agreementId","steeringDocumentId")
);

-- CreateTable
CREATE TABLE "SourceDocument" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT,
    "citizenPromiseId" TEXT,
    "title" TEXT NOT NULL,
    "publishedOn" DATE,
    "url" TEXT,
    "note" TEXT,

    CONSTRAINT "SourceDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approval" (
    "agreementId" TEXT NOT NULL,
    "party" "Party" NOT NULL,
    "approvedBy" TEXT NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("agreementId","party")
);

-- CreateTable
CREATE TABLE "CitizenPromise" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "localPoliceAreaId" TEXT,
    "agreementId" TEXT,
    "state" "LifecycleState" NOT NULL DEFAULT 'DRAFT',
    "validFrom" DATE,
    "validTo" DATE,
    "withdrawnOn" DATE,
    "signedOn" DATE,
    "supersededOn" DATE,
    "previousId" TEXT,
    "seedKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CitizenPromise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromiseItem" (
    "id" TEXT NOT NULL,
    "citizenPromiseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "targetCount" INTEGER,

    CONSTRAINT "PromiseItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CitizenPromiseFocusArea" (
    "citizenPromiseId" TEXT NOT NULL,
    "focusAreaCode" TEXT NOT NULL,

    CONSTRAINT "CitizenPromiseFocusArea_pkey" PRIMARY KEY ("citizenPromiseId","focusAreaCode")
);

-- CreateTable
CREATE TABLE "PromiseApproval" (
    "citizenPromiseId" TEXT NOT NULL,
    "party" "Party" NOT NULL,
    "approvedBy" TEXT NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromiseApproval_pkey" PRIMARY KEY ("citizenPromiseId","party")
);

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_previousId_key" ON "Agreement"("previousId");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_seedKey_key" ON "Agreement"("seedKey");

-- CreateIndex
CREATE INDEX "Agreement_municipalityCode_idx" ON "Agreement"("municipalityCode");

-- CreateIndex
CREATE INDEX "AgreementLocalPoliceArea_localPoliceAreaId_idx" ON "AgreementLocalPoliceArea"("localPoliceAreaId");

-- CreateIndex
CREATE INDEX "Signatory_agreementId_idx" ON "Signatory"("agreementId");

-- CreateIndex
CREATE INDEX "Signatory_citizenPromiseId_idx" ON "Signatory"("citizenPromiseId");

-- CreateIndex
CREATE INDEX "AgreementFocusArea_focusAreaCode_idx" ON "AgreementFocusArea"("focusAreaCode");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementFocusArea_agreementId_position_key" ON "AgreementFocusArea"("agreementId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SteeringDocument_seedKey_key" ON "SteeringDocument"("seedKey");

-- CreateIndex
CREATE INDEX "SourceDocument_agreementId_idx" ON "SourceDocument"("agreementId");

-- CreateIndex
CREATE INDEX "SourceDocument_citizenPromiseId_idx" ON "SourceDocument"("citizenPromiseId");

-- CreateIndex
CREATE UNIQUE INDEX "CitizenPromise_previousId_key" ON "CitizenPromise"("previousId");

-- CreateIndex
CREATE UNIQUE INDEX "CitizenPromise_seedKey_key" ON "CitizenPromise"("seedKey");

-- CreateIndex
CREATE INDEX "CitizenPromise_municipalityCode_idx" ON "CitizenPromise"("municipalityCode");

-- CreateIndex
CREATE UNIQUE INDEX "PromiseItem_citizenPromiseId_position_key" ON "PromiseItem"("citizenPromiseId", "position");

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementLocalPoliceArea" ADD CONSTRAINT "AgreementLocalPoliceArea_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementLocalPoliceArea" ADD CONSTRAINT "AgreementLocalPoliceArea_localPoliceAreaId_fkey" FOREIGN KEY ("localPoliceAreaId") REFERENCES "LocalPoliceArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signatory" ADD CONSTRAINT "Signatory_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signatory" ADD CONSTRAINT "Signatory_citizenPromiseId_fkey" FOREIGN KEY ("citizenPromiseId") REFERENCES "CitizenPromise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementFocusArea" ADD CONSTRAINT "AgreementFocusArea_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementFocusArea" ADD CONSTRAINT "AgreementFocusArea_focusAreaCode_fkey" FOREIGN KEY ("focusAreaCode") REFERENCES "FocusArea"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSteeringDocument" ADD CONSTRAINT "AgreementSteeringDocument_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSteeringDocument" ADD CONSTRAINT "AgreementSteeringDocument_steeringDocumentId_fkey" FOREIGN KEY ("steeringDocumentId") REFERENCES "SteeringDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceDocument" ADD CONSTRAINT "SourceDocument_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceDocument" ADD CONSTRAINT "SourceDocument_citizenPromiseId_fkey" FOREIGN KEY ("citizenPromiseId") REFERENCES "CitizenPromise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenPromise" ADD CONSTRAINT "CitizenPromise_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenPromise" ADD CONSTRAINT "CitizenPromise_localPoliceAreaId_fkey" FOREIGN KEY ("localPoliceAreaId") REFERENCES "LocalPoliceArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenPromise" ADD CONSTRAINT "CitizenPromise_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenPromise" ADD CONSTRAINT "CitizenPromise_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "CitizenPromise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromiseItem" ADD CONSTRAINT "PromiseItem_citizenPromiseId_fkey" FOREIGN KEY ("citizenPromiseId") REFERENCES "CitizenPromise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenPromiseFocusArea" ADD CONSTRAINT "CitizenPromiseFocusArea_citizenPromiseId_fkey" FOREIGN KEY ("citizenPromiseId") REFERENCES "CitizenPromise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenPromiseFocusArea" ADD CONSTRAINT "CitizenPromiseFocusArea_focusAreaCode_fkey" FOREIGN KEY ("focusAreaCode") REFERENCES "FocusArea"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromiseApproval" ADD CONSTRAINT "PromiseApproval_citizenPromiseId_fkey" FOREIGN KEY ("citizenPromiseId") REFERENCES "CitizenPromise"("id") ON DELETE CASCADE ON UPDATE CASCADE;
