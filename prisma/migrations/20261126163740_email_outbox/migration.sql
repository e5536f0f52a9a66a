-- CreateEnum
CREATE TYPE "EmailKind" AS ENUM ('TRANSACTIONAL', 'NOTIFICATION');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'HELD', 'DIGESTED', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "emailsPerDay" INTEGER NOT NULL DEFAULT 3;

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT,
    "template" TEXT NOT NULL,
    "kind" "EmailKind" NOT NULL DEFAULT 'TRANSACTIONAL',
    "locale" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "providerId" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_to_kind_createdAt_idx" ON "OutboxEmail"("to", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_tenantId_status_idx" ON "OutboxEmail"("tenantId", "status");

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
