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
CREATE POLICY tenant_wall ON "EmailSuppression"
  USING (("tenantId" IS NULL AND coalesce(current_setting('helpt.tenant_id', true), '') <> '') OR "tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK (current_setting('helpt.system', true) = 'on');
