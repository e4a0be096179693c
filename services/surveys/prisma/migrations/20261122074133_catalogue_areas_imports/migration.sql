-- The first cut's results had no survey round, instrument or area level, and no API could write
-- them (only tests did): they cannot be carried over, so the table starts empty.
DELETE FROM "SurveyResult";

-- CreateEnum
CREATE TYPE "IndicatorUnit" AS ENUM ('INDEX_0_6', 'PERCENT');

-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('HIGHER_IS_WORSE', 'HIGHER_IS_BETTER');

-- CreateEnum
CREATE TYPE "IndicatorCategory" AS ENUM ('PROBLEMS', 'UNSAFETY', 'VICTIMISATION', 'CONFIDENCE_IN_POLICE', 'WORRY');

-- CreateEnum
CREATE TYPE "AreaLevel" AS ENUM ('COUNTRY', 'POLICE_REGION', 'LOCAL_POLICE_AREA', 'MUNICIPALITY', 'SUB_AREA');

-- CreateEnum
CREATE TYPE "SurveyMode" AS ENUM ('POST', 'WEB');

-- CreateEnum
CREATE TYPE "ResultOrigin" AS ENUM ('PUBLISHED', 'DEMO');

-- DropIndex
DROP INDEX "SurveyResult_municipalityCode_idx";

-- DropIndex
DROP INDEX "SurveyResult_municipalityCode_indicatorCode_year_key";

-- AlterTable
ALTER TABLE "SurveyResult" ADD COLUMN     "areaCode" TEXT NOT NULL,
ADD COLUMN     "areaLevel" "AreaLevel" NOT NULL,
ADD COLUMN     "ciHigh" DOUBLE PRECISION,
ADD COLUMN     "ciLow" DOUBLE PRECISION,
ADD COLUMN     "countyCode" TEXT,
ADD COLUMN     "importId" TEXT,
ADD COLUMN     "instrumentCode" TEXT NOT NULL,
ADD COLUMN     "origin" "ResultOrigin" NOT NULL DEFAULT 'PUBLISHED',
ADD COLUMN     "policeRegionCode" TEXT,
ADD COLUMN     "subAreaName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "surveyId" TEXT NOT NULL,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "municipalityCode" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SurveyInstrument" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organiser" TEXT NOT NULL,
    "policeRegionCode" TEXT,
    "firstYear" INTEGER,
    "units" "IndicatorUnit"[],
    "description" TEXT NOT NULL,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SurveyInstrument_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SafetySurvey" (
    "id" TEXT NOT NULL,
    "instrumentCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sentOn" DATE,
    "closesOn" DATE,
    "fieldingNote" TEXT,
    "modes" "SurveyMode"[],
    "languages" TEXT[],
    "languageCount" INTEGER,
    "ageFrom" INTEGER,
    "ageTo" INTEGER,
    "sampleSize" INTEGER,
    "responses" INTEGER,
    "source" TEXT,

    CONSTRAINT "SafetySurvey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "unit" "IndicatorUnit" NOT NULL,
    "direction" "IndicatorDirection" NOT NULL,
    "category" "IndicatorCategory" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SurveyImport" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "importedBy" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rows" INTEGER NOT NULL,
    "inserted" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "rejections" JSONB NOT NULL,

    CONSTRAINT "SurveyImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SafetySurvey_instrumentCode_year_key" ON "SafetySurvey"("instrumentCode", "year");

-- CreateIndex
CREATE INDEX "SurveyResult_indicatorCode_year_areaLevel_origin_idx" ON "SurveyResult"("indicatorCode", "year", "areaLevel", "origin");

-- CreateIndex
CREATE INDEX "SurveyResult_municipalityCode_indicatorCode_idx" ON "SurveyResult"("municipalityCode", "indicatorCode");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResult_surveyId_indicatorCode_areaLevel_areaCode_subA_key" ON "SurveyResult"("surveyId", "indicatorCode", "areaLevel", "areaCode", "subAreaName", "origin");

-- AddForeignKey
ALTER TABLE "SafetySurvey" ADD CONSTRAINT "SafetySurvey_instrumentCode_fkey" FOREIGN KEY ("instrumentCode") REFERENCES "SurveyInstrument"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResult" ADD CONSTRAINT "SurveyResult_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "SafetySurvey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResult" ADD CONSTRAINT "SurveyResult_indicatorCode_fkey" FOREIGN KEY ("indicatorCode") REFERENCES "Indicator"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
