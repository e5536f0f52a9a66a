-- Residents without internet: consent to texts on a request, and the calls
-- staff owe those reachable only by phone, with a deadline the town sets.

-- CreateEnum
CREATE TYPE "CallbackReason" AS ENUM ('NEW_REQUEST', 'VOLUNTEER_ASSIGNED', 'FOLLOW_UP');

-- AlterTable
ALTER TABLE "HelpRequest" ADD COLUMN     "residentSmsConsent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "residentSmsConsentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "callbackHoursActive" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "callbackHoursCrisis" INTEGER NOT NULL DEFAULT 4;

-- CreateTable
CREATE TABLE "Callback" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "reason" "CallbackReason" NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "calledAt" TIMESTAMP(3),
    "calledById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Callback_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "Callback_tenantId_calledAt_dueAt_idx" ON "Callback"("tenantId", "calledAt", "dueAt");

-- CreateIndex
CREATE INDEX "Callback_tenantId_requestId_idx" ON "Callback"("tenantId", "requestId");

-- CreateIndex
CREATE INDEX "Callback_calledById_idx" ON "Callback"("calledById");

-- AddForeignKey
ALTER TABLE "Callback" ADD CONSTRAINT "Callback_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Callback" ADD CONSTRAINT "Callback_tenantId_requestId_fkey" FOREIGN KEY ("tenantId", "requestId") REFERENCES "HelpRequest"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Callback" ADD CONSTRAINT "Callback_calledById_fkey" FOREIGN KEY ("calledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The town's wall, as on every tenant-owned table (20261130040000_unforgeable_scope).
ALTER TABLE "Callback" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Callback" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "Callback"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "Callback" TO helpt_system USING (true) WITH CHECK (true);
