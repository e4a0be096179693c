-- CreateTable
CREATE TABLE "SurveyResult" (
    "id" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "indicatorCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "respondents" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SurveyResult_municipalityCode_idx" ON "SurveyResult"("municipalityCode");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResult_municipalityCode_indicatorCode_year_key" ON "SurveyResult"("municipalityCode", "indicatorCode", "year");
