-- Alerts when a request is published (lib/alerts): waves of the best-ranked
-- volunteers, each alert with a one-click "I can help" link, and the town's
-- wave sizes and wait.

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "alertBatchActive" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "alertBatchCrisis" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "alertWaitMinutes" INTEGER NOT NULL DEFAULT 30;

-- CreateTable
CREATE TABLE "AlertWave" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "mode" "TenantMode" NOT NULL,
    "size" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "nextWaveAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertWave_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "waveId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "alerted" BOOLEAN NOT NULL,
    "deliveries" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertWave_tenantId_requestId_number_key" ON "AlertWave"("tenantId", "requestId", "number");

-- CreateIndex
CREATE INDEX "AlertWave_dueAt_idx" ON "AlertWave"("dueAt");

-- CreateIndex
CREATE INDEX "AlertWave_nextWaveAt_idx" ON "AlertWave"("nextWaveAt");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_tenantId_requestId_volunteerId_key" ON "Alert"("tenantId", "requestId", "volunteerId");

-- CreateIndex
CREATE INDEX "Alert_tenantId_volunteerId_createdAt_idx" ON "Alert"("tenantId", "volunteerId", "createdAt");

-- CreateIndex
CREATE INDEX "Alert_tenantId_waveId_idx" ON "Alert"("tenantId", "waveId");

-- AddForeignKey
ALTER TABLE "AlertWave" ADD CONSTRAINT "AlertWave_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertWave" ADD CONSTRAINT "AlertWave_tenantId_requestId_fkey" FOREIGN KEY ("tenantId", "requestId") REFERENCES "HelpRequest"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_tenantId_waveId_fkey" FOREIGN KEY ("tenantId", "waveId") REFERENCES "AlertWave"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_tenantId_requestId_fkey" FOREIGN KEY ("tenantId", "requestId") REFERENCES "HelpRequest"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_tenantId_volunteerId_fkey" FOREIGN KEY ("tenantId", "volunteerId") REFERENCES "VolunteerProfile"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The town's wall, as on every tenant-owned table (20261130040000_unforgeable_scope).
ALTER TABLE "AlertWave" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AlertWave" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "AlertWave"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "AlertWave" TO helpt_system USING (true) WITH CHECK (true);

ALTER TABLE "Alert" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Alert" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "Alert"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "Alert" TO helpt_system USING (true) WITH CHECK (true);
