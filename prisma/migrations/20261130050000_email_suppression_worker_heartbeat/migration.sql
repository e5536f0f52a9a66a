-- CreateEnum
CREATE TYPE "SuppressionReason" AS ENUM ('BOUNCE', 'COMPLAINT');

-- CreateTable
CREATE TABLE "EmailSuppression" (
    "id" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "tenantId" TEXT,
    "reason" "SuppressionReason" NOT NULL,
    "eventId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailSuppression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "beatAt" TIMESTAMP(3) NOT NULL,
    "jobFailures" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailSuppression_eventId_key" ON "EmailSuppression"("eventId");

-- CreateIndex
CREATE INDEX "EmailSuppression_address_idx" ON "EmailSuppression"("address");

-- AddForeignKey
ALTER TABLE "EmailSuppression" ADD CONSTRAINT "EmailSuppression_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The second wall: a town's staff see platform-wide bounces and their own
-- town's complaints; only system work (the webhook) records them.
ALTER TABLE "EmailSuppression" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "EmailSuppression" FORCE ROW LEVEL SECURITY;
-- A town's scope is its signed one (helpt_scope_tenant, see 20261130040000_unforgeable_scope).
CREATE POLICY tenant_wall ON "EmailSuppression"
  USING (("tenantId" IS NULL AND (SELECT public.helpt_scope_tenant()) IS NOT NULL) OR "tenantId" = (SELECT public.helpt_scope_tenant()))
  WITH CHECK (false);
CREATE POLICY system_wall ON "EmailSuppression" TO helpt_system USING (true) WITH CHECK (true);
