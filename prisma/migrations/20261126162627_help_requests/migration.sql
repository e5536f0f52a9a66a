-- CreateEnum
CREATE TYPE "RequestSource" AS ENUM ('ONLINE', 'PHONE');

-- CreateEnum
CREATE TYPE "ContactMethod" AS ENUM ('PHONE', 'WHATSAPP', 'EMAIL');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('LOW', 'NORMAL', 'HIGH');

-- CreateEnum
CREATE TYPE "AgeGroup" AS ENUM ('UNKNOWN', 'UNDER_65', 'FROM_65_TO_79', 'OVER_80');

-- CreateEnum
CREATE TYPE "Recurrence" AS ENUM ('NONE', 'WEEKLY', 'BIWEEKLY', 'MONTHLY');

-- AlterTable
ALTER TABLE "HelpRequest" ADD COLUMN     "ageGroup" "AgeGroup" NOT NULL DEFAULT 'UNKNOWN',
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "consentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "consentChannel" "RequestSource" NOT NULL DEFAULT 'ONLINE',
ADD COLUMN     "consentNote" TEXT,
ADD COLUMN     "contactMethod" "ContactMethod" NOT NULL DEFAULT 'PHONE',
ADD COLUMN     "contactless" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'nl',
ADD COLUMN     "nextOccurrenceAt" TIMESTAMP(3),
ADD COLUMN     "postcode" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "recurrence" "Recurrence" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "recurringFromId" TEXT,
ADD COLUMN     "residentAddress" TEXT,
ADD COLUMN     "residentEmail" TEXT,
ADD COLUMN     "residentName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "residentPhone" TEXT,
ADD COLUMN     "source" "RequestSource" NOT NULL DEFAULT 'ONLINE',
ADD COLUMN     "timeWindow" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "urgency" "Urgency" NOT NULL DEFAULT 'NORMAL',
ALTER COLUMN "publicSummary" SET DEFAULT '',
ALTER COLUMN "neighbourhood" SET DEFAULT '';

-- CreateTable
CREATE TABLE "RequestNote" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestNote_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RequestNote_tenantId_requestId_createdAt_idx" ON "RequestNote"("tenantId", "requestId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_createdAt_idx" ON "AuditLog"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_subjectType_subjectId_idx" ON "AuditLog"("tenantId", "subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_residentPhone_idx" ON "HelpRequest"("tenantId", "residentPhone");

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_recurrence_nextOccurrenceAt_idx" ON "HelpRequest"("tenantId", "recurrence", "nextOccurrenceAt");

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestNote" ADD CONSTRAINT "RequestNote_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestNote" ADD CONSTRAINT "RequestNote_tenantId_requestId_fkey" FOREIGN KEY ("tenantId", "requestId") REFERENCES "HelpRequest"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestNote" ADD CONSTRAINT "RequestNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
