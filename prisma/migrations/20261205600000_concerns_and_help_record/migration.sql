-- Safeguarding (issue 21): a SAFEGUARDING role the town's admin names, concerns
-- only its holders read, and volunteers' logged hours that coordinators confirm.
-- CreateEnum
CREATE TYPE "ConcernStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'CLOSED');

-- CreateEnum
CREATE TYPE "ConcernSource" AS ENUM ('RESIDENT_PHONE', 'RESIDENT_LINK', 'VOLUNTEER', 'PARTNER');

-- CreateEnum
CREATE TYPE "HelpLogStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REJECTED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'SAFEGUARDING';

-- CreateTable
CREATE TABLE "Concern" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "source" "ConcernSource" NOT NULL,
    "createdById" TEXT,
    "contact" TEXT NOT NULL DEFAULT '',
    "requestId" TEXT,
    "subjectVolunteerId" TEXT,
    "about" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "ConcernStatus" NOT NULL DEFAULT 'NEW',
    "deadline" TIMESTAMP(3),
    "pausedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Concern_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "ConcernNote" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConcernNote_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "HelpLog" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "visits" INTEGER NOT NULL DEFAULT 1,
    "status" "HelpLogStatus" NOT NULL DEFAULT 'PENDING',
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HelpLog_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "Concern_tenantId_status_deadline_id_idx" ON "Concern"("tenantId", "status", "deadline", "id");

-- CreateIndex
CREATE INDEX "Concern_tenantId_closedAt_idx" ON "Concern"("tenantId", "closedAt");

-- CreateIndex
CREATE INDEX "Concern_tenantId_subjectVolunteerId_idx" ON "Concern"("tenantId", "subjectVolunteerId");

-- CreateIndex
CREATE INDEX "Concern_createdById_idx" ON "Concern"("createdById");

-- CreateIndex
CREATE INDEX "ConcernNote_tenantId_concernId_createdAt_idx" ON "ConcernNote"("tenantId", "concernId", "createdAt");

-- CreateIndex
CREATE INDEX "ConcernNote_authorId_idx" ON "ConcernNote"("authorId");

-- CreateIndex
CREATE INDEX "HelpLog_tenantId_status_day_categoryId_minutes_idx" ON "HelpLog"("tenantId", "status", "day", "categoryId", "minutes");

-- CreateIndex
CREATE INDEX "HelpLog_tenantId_volunteerId_day_idx" ON "HelpLog"("tenantId", "volunteerId", "day");

-- CreateIndex
CREATE INDEX "HelpLog_confirmedById_idx" ON "HelpLog"("confirmedById");

-- CreateIndex
CREATE UNIQUE INDEX "HelpLog_tenantId_assignmentId_key" ON "HelpLog"("tenantId", "assignmentId");

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernNote" ADD CONSTRAINT "ConcernNote_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernNote" ADD CONSTRAINT "ConcernNote_tenantId_concernId_fkey" FOREIGN KEY ("tenantId", "concernId") REFERENCES "Concern"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernNote" ADD CONSTRAINT "ConcernNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpLog" ADD CONSTRAINT "HelpLog_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpLog" ADD CONSTRAINT "HelpLog_tenantId_assignmentId_fkey" FOREIGN KEY ("tenantId", "assignmentId") REFERENCES "Assignment"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpLog" ADD CONSTRAINT "HelpLog_tenantId_volunteerId_fkey" FOREIGN KEY ("tenantId", "volunteerId") REFERENCES "VolunteerProfile"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpLog" ADD CONSTRAINT "HelpLog_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- The town's wall, as on every tenant-owned table (20261130040000_unforgeable_scope).
ALTER TABLE "Concern" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Concern" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "Concern"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "Concern" TO helpt_system USING (true) WITH CHECK (true);

-- The town's wall, as on every tenant-owned table (20261130040000_unforgeable_scope).
ALTER TABLE "ConcernNote" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ConcernNote" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "ConcernNote"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "ConcernNote" TO helpt_system USING (true) WITH CHECK (true);

-- The town's wall, as on every tenant-owned table (20261130040000_unforgeable_scope).
ALTER TABLE "HelpLog" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "HelpLog" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "HelpLog"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "HelpLog" TO helpt_system USING (true) WITH CHECK (true);
