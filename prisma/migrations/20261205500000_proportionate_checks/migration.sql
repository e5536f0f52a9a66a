-- Proportionate checks (issue 21): per category and per partner vacancy, the
-- checks a volunteer needs; the town's terms per kind; and who confirmed a
-- volunteer's check, when and until when (never the document).

-- CreateEnum
CREATE TYPE "CheckKind" AS ENUM ('IDENTITY', 'RECORD_EXTRACT', 'TRAINING', 'REFERENCE');

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "requiredChecks" "CheckKind"[] DEFAULT ARRAY[]::"CheckKind"[];

-- AlterTable
ALTER TABLE "Vacancy" ADD COLUMN     "requiredChecks" "CheckKind"[] DEFAULT ARRAY[]::"CheckKind"[];

-- CreateTable
CREATE TABLE "CheckPolicy" (
    "tenantId" TEXT NOT NULL,
    "kind" "CheckKind" NOT NULL,
    "validMonths" INTEGER NOT NULL DEFAULT 36,
    "name" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckPolicy_pkey" PRIMARY KEY ("tenantId","kind")
);

-- CreateTable
CREATE TABLE "VolunteerCheck" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "kind" "CheckKind" NOT NULL,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validUntil" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "VolunteerCheck_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "VolunteerCheck_tenantId_volunteerId_kind_validUntil_idx" ON "VolunteerCheck"("tenantId", "volunteerId", "kind", "validUntil");

-- CreateIndex
CREATE INDEX "VolunteerCheck_confirmedById_idx" ON "VolunteerCheck"("confirmedById");

-- AddForeignKey
ALTER TABLE "CheckPolicy" ADD CONSTRAINT "CheckPolicy_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerCheck" ADD CONSTRAINT "VolunteerCheck_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerCheck" ADD CONSTRAINT "VolunteerCheck_tenantId_volunteerId_fkey" FOREIGN KEY ("tenantId", "volunteerId") REFERENCES "VolunteerProfile"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerCheck" ADD CONSTRAINT "VolunteerCheck_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The town's wall, as on every tenant-owned table (20261130040000_unforgeable_scope).
ALTER TABLE "CheckPolicy" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CheckPolicy" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "CheckPolicy"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "CheckPolicy" TO helpt_system USING (true) WITH CHECK (true);

ALTER TABLE "VolunteerCheck" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "VolunteerCheck" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "VolunteerCheck"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "VolunteerCheck" TO helpt_system USING (true) WITH CHECK (true);
