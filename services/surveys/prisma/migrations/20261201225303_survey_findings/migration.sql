-- AlterTable
ALTER TABLE "SafetySurvey" ADD COLUMN     "reportedOn" DATE,
ADD COLUMN     "reportedPrecision" TEXT;

-- CreateTable
CREATE TABLE "SurveyFinding" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sourceTitle" TEXT NOT NULL,
    "sourcePublishedOn" DATE,
    "seedKey" TEXT,

    CONSTRAINT "SurveyFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyFinding_seedKey_key" ON "SurveyFinding"("seedKey");

-- CreateIndex
CREATE INDEX "SurveyFinding_municipalityCode_idx" ON "SurveyFinding"("municipalityCode");

-- AddForeignKey
ALTER TABLE "SurveyFinding" ADD CONSTRAINT "SurveyFinding_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "SafetySurvey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
