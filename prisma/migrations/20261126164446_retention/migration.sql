-- AlterTable
ALTER TABLE "HelpRequest" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "retentionDays" INTEGER NOT NULL DEFAULT 90;

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_closedAt_idx" ON "HelpRequest"("tenantId", "closedAt");
