-- The SMS channel (issue 18): an outbox per town, the numbers that answered
-- STOP, and the volunteer's number confirmed by a code before alerts.

-- CreateEnum
CREATE TYPE "SmsStatus" AS ENUM ('PENDING', 'SENT', 'DELIVERED', 'FAILED');

-- AlterTable
ALTER TABLE "VolunteerProfile" ADD COLUMN     "phoneCodeAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "phoneCodeExpiresAt" TIMESTAMP(3),
ADD COLUMN     "phoneCodeHash" TEXT,
ADD COLUMN     "phoneVerified" TEXT,
ADD COLUMN     "smsAlerts" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OutboxSms" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "status" "SmsStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "body" TEXT,
    "sentAt" TIMESTAMP(3),
    "providerId" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxSms_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "SmsOptOut" (
    "phone" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsOptOut_pkey" PRIMARY KEY ("phone")
);

-- CreateIndex
CREATE INDEX "OutboxSms_status_nextAttemptAt_idx" ON "OutboxSms"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxSms_id_idx" ON "OutboxSms"("id");

-- CreateIndex
CREATE INDEX "OutboxSms_tenantId_to_idx" ON "OutboxSms"("tenantId", "to");

-- AddForeignKey
ALTER TABLE "OutboxSms" ADD CONSTRAINT "OutboxSms_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The town's wall, as on every tenant-owned table (20261130040000_unforgeable_scope).
ALTER TABLE "OutboxSms" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "OutboxSms" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "OutboxSms"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "OutboxSms" TO helpt_system USING (true) WITH CHECK (true);

-- A town's notify() reads the opt-outs; only system work (the signed inbound webhook) writes them.
ALTER TABLE "SmsOptOut" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SmsOptOut" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "SmsOptOut" USING ((SELECT public.helpt_scope_tenant()) IS NOT NULL) WITH CHECK (false);
CREATE POLICY system_wall ON "SmsOptOut" TO helpt_system USING (true) WITH CHECK (true);
