-- CreateTable
CREATE TABLE "PoliceRegion" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "PoliceRegion_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "County" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "policeRegionCode" TEXT NOT NULL,

    CONSTRAINT "County_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Municipality" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "LocalPoliceArea" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "policeRegionCode" TEXT NOT NULL,

    CONSTRAINT "LocalPoliceArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalPoliceAreaMunicipality" (
    "localPoliceAreaId" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,

    CONSTRAINT "LocalPoliceAreaMunicipality_pkey" PRIMARY KEY ("localPoliceAreaId","municipalityCode")
);

-- CreateIndex
CREATE INDEX "County_policeRegionCode_idx" ON "County"("policeRegionCode");

-- CreateIndex
CREATE INDEX "Municipality_countyCode_idx" ON "Municipality"("countyCode");

-- CreateIndex
CREATE INDEX "LocalPoliceArea_policeRegionCode_idx" ON "LocalPoliceArea"("policeRegionCode");

-- CreateIndex
CREATE INDEX "LocalPoliceAreaMunicipality_municipalityCode_idx" ON "LocalPoliceAreaMunicipality"("municipalityCode");

-- AddForeignKey
ALTER TABLE "County" ADD CONSTRAINT "County_policeRegionCode_fkey" FOREIGN KEY ("policeRegionCode") REFERENCES "PoliceRegion"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_countyCode_fkey" FOREIGN KEY ("countyCode") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalPoliceArea" ADD CONSTRAINT "LocalPoliceArea_policeRegionCode_fkey" FOREIGN KEY ("policeRegionCode") REFERENCES "PoliceRegion"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalPoliceAreaMunicipality" ADD CONSTRAINT "LocalPoliceAreaMunicipality_localPoliceAreaId_fkey" FOREIGN KEY ("localPoliceAreaId") REFERENCES "LocalPoliceArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalPoliceAreaMunicipality" ADD CONSTRAINT "LocalPoliceAreaMunicipality_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality"("code") ON DELETE CASCADE ON UPDATE CASCADE;
