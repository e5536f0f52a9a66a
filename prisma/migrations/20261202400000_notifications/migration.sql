-- One channel-neutral entry point in front of the outboxes (lib/notifications/notify.ts)
-- records here what it decided per person and channel: the daily caps are
-- counted on these rows, and a message that was not sent says why.

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'SMS');

-- CreateEnum
CREATE TYPE "NotificationOutcome" AS ENUM ('QUEUED', 'DEFERRED', 'CAPPED', 'NO_CONSENT', 'UNVERIFIED');

-- CreateTable
CREATE TABLE "Notification" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "template" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "counted" BOOLEAN NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "outcome" "NotificationOutcome" NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "outboxId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "Notification_tenantId_channel_recipient_dueAt_idx" ON "Notification"("tenantId", "channel", "recipient", "dueAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The town's wall, as on every tenant-owned table (20261130040000_unforgeable_scope).
ALTER TABLE "Notification" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Notification" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "Notification"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "Notification" TO helpt_system USING (true) WITH CHECK (true);
