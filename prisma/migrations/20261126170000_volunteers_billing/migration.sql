-- Responses so far were demo data tied to memberships; they now belong to volunteer profiles.
DELETE FROM "Response";

-- CreateEnum
CREATE TYPE "BillingStatus" AS ENUM ('NONE', 'TRIALING', 'ACTIVE', 'PAST_DUE', 'SUSPENDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ResponseStatus" AS ENUM ('PENDING', 'ASSIGNED', 'RELEASED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "VolunteerStatus" AS ENUM ('ACTIVE', 'PAUSED', 'BLOCKED');

-- CreateEnum
CREATE TYPE "VacancyStatus" AS ENUM ('OPEN', 'CLOSED');

-- DropForeignKey
ALTER TABLE "Response" DROP CONSTRAINT "Response_tenantId_membershipId_fkey";

-- DropIndex
DROP INDEX "Response_tenantId_requestId_membershipId_key";

-- AlterTable
ALTER TABLE "HelpRequest" ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION,
ADD COLUMN     "maxResponses" INTEGER;

-- AlterTable
ALTER TABLE "Response" DROP COLUMN "membershipId",
ADD COLUMN     "status" "ResponseStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "volunteerId" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "billingStatus" "BillingStatus" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "currentPeriodEnd" TIMESTAMP(3),
ADD COLUMN     "graceEndsAt" TIMESTAMP(3),
ADD COLUMN     "responseCap" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "stripeSubscriptionId" TEXT,
ADD COLUMN     "trialNoticeSentAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Area" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "VolunteerProfile" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "maxDistanceKm" INTEGER NOT NULL DEFAULT 3,
    "categoryIds" TEXT[],
    "languages" TEXT[],
    "availability" TEXT[],
    "skills" TEXT[],
    "status" "VolunteerStatus" NOT NULL DEFAULT 'ACTIVE',
    "codeOfConductAt" TIMESTAMP(3) NOT NULL,
    "lastAssignedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VolunteerProfile_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "assignedById" TEXT,
    "doneAt" TIMESTAMP(3),
    "feedback" TEXT,
    "problem" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Vacancy" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "skills" TEXT[],
    "places" INTEGER NOT NULL DEFAULT 1,
    "status" "VacancyStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vacancy_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "VacancyApplication" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VacancyApplication_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "tenantId" TEXT,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Area_tenantId_postcode_name_key" ON "Area"("tenantId", "postcode", "name");

-- CreateIndex
CREATE INDEX "VolunteerProfile_tenantId_status_idx" ON "VolunteerProfile"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerProfile_tenantId_membershipId_key" ON "VolunteerProfile"("tenantId", "membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerProfile_tenantId_userId_key" ON "VolunteerProfile"("tenantId", "userId");

-- CreateIndex
CREATE INDEX "Assignment_tenantId_volunteerId_createdAt_idx" ON "Assignment"("tenantId", "volunteerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_tenantId_requestId_volunteerId_key" ON "Assignment"("tenantId", "requestId", "volunteerId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_tenantId_membershipId_key" ON "Organisation"("tenantId", "membershipId");

-- CreateIndex
CREATE INDEX "Vacancy_tenantId_status_idx" ON "Vacancy"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "VacancyApplication_tenantId_vacancyId_volunteerId_key" ON "VacancyApplication"("tenantId", "vacancyId", "volunteerId");

-- CreateIndex
CREATE INDEX "Response_tenantId_volunteerId_status_idx" ON "Response"("tenantId", "volunteerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Response_tenantId_requestId_volunteerId_key" ON "Response"("tenantId", "requestId", "volunteerId");

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_stripeSubscriptionId_key" ON "Tenant"("stripeSubscriptionId");

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_tenantId_volunteerId_fkey" FOREIGN KEY ("tenantId", "volunteerId") REFERENCES "VolunteerProfile"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerProfile" ADD CONSTRAINT "VolunteerProfile_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerProfile" ADD CONSTRAINT "VolunteerProfile_tenantId_membershipId_fkey" FOREIGN KEY ("tenantId", "membershipId") REFERENCES "Membership"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerProfile" ADD CONSTRAINT "VolunteerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_tenantId_requestId_fkey" FOREIGN KEY ("tenantId", "requestId") REFERENCES "HelpRequest"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_tenantId_volunteerId_fkey" FOREIGN KEY ("tenantId", "volunteerId") REFERENCES "VolunteerProfile"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_tenantId_membershipId_fkey" FOREIGN KEY ("tenantId", "membershipId") REFERENCES "Membership"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_tenantId_organisationId_fkey" FOREIGN KEY ("tenantId", "organisationId") REFERENCES "Organisation"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyApplication" ADD CONSTRAINT "VacancyApplication_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyApplication" ADD CONSTRAINT "VacancyApplication_tenantId_vacancyId_fkey" FOREIGN KEY ("tenantId", "vacancyId") REFERENCES "Vacancy"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyApplication" ADD CONSTRAINT "VacancyApplication_tenantId_volunteerId_fkey" FOREIGN KEY ("tenantId", "volunteerId") REFERENCES "VolunteerProfile"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


