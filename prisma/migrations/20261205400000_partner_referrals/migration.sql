-- Partner organisations get several staff members, each with a role there
-- (a single-owner organisation's owner becomes its manager), e-mail
-- invitations, and referrals: requests a partner registered for a resident.

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('SOCIAL_SERVICE', 'COMMUNITY_POLICE', 'GP_PRACTICE', 'CARE_HOME', 'OTHER');

-- CreateEnum
CREATE TYPE "PartnerRole" AS ENUM ('MANAGER', 'REFERRER');

-- AlterEnum
ALTER TYPE "RequestSource" ADD VALUE 'REFERRAL';

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "kind" "OrganisationKind" NOT NULL DEFAULT 'OTHER';

-- CreateTable
CREATE TABLE "OrganisationMember" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "role" "PartnerRole" NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationMember_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "PartnerInvitation" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "PartnerRole" NOT NULL,
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),

    CONSTRAINT "PartnerInvitation_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "referrerId" TEXT,
    "referrerName" TEXT NOT NULL,
    "referrerPhone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "OrganisationMember_tenantId_organisationId_idx" ON "OrganisationMember"("tenantId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationMember_tenantId_membershipId_key" ON "OrganisationMember"("tenantId", "membershipId");

-- CreateIndex
CREATE INDEX "PartnerInvitation_tenantId_organisationId_idx" ON "PartnerInvitation"("tenantId", "organisationId");

-- CreateIndex
CREATE INDEX "PartnerInvitation_invitedById_idx" ON "PartnerInvitation"("invitedById");

-- CreateIndex
CREATE INDEX "Referral_tenantId_organisationId_createdAt_id_idx" ON "Referral"("tenantId", "organisationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Referral_referrerId_idx" ON "Referral"("referrerId");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_tenantId_requestId_key" ON "Referral"("tenantId", "requestId");

-- AddForeignKey
ALTER TABLE "OrganisationMember" ADD CONSTRAINT "OrganisationMember_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationMember" ADD CONSTRAINT "OrganisationMember_tenantId_organisationId_fkey" FOREIGN KEY ("tenantId", "organisationId") REFERENCES "Organisation"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationMember" ADD CONSTRAINT "OrganisationMember_tenantId_membershipId_fkey" FOREIGN KEY ("tenantId", "membershipId") REFERENCES "Membership"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerInvitation" ADD CONSTRAINT "PartnerInvitation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerInvitation" ADD CONSTRAINT "PartnerInvitation_tenantId_organisationId_fkey" FOREIGN KEY ("tenantId", "organisationId") REFERENCES "Organisation"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerInvitation" ADD CONSTRAINT "PartnerInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_tenantId_requestId_fkey" FOREIGN KEY ("tenantId", "requestId") REFERENCES "HelpRequest"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_tenantId_organisationId_fkey" FOREIGN KEY ("tenantId", "organisationId") REFERENCES "Organisation"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Each existing organisation's owner becomes its manager (named as their account is, or by their address).
INSERT INTO "OrganisationMember" ("tenantId", "id", "organisationId", "membershipId", "role", "name")
SELECT o."tenantId", o.id, o.id, o."membershipId", 'MANAGER', COALESCE(NULLIF(u.name, ''), u.email)
  FROM "Organisation" o
  JOIN "Membership" m ON m."tenantId" = o."tenantId" AND m.id = o."membershipId"
  JOIN "User" u ON u.id = m."userId";

-- DropForeignKey
ALTER TABLE "Organisation" DROP CONSTRAINT "Organisation_tenantId_membershipId_fkey";

-- DropIndex
DROP INDEX "Organisation_tenantId_membershipId_key";

-- AlterTable
ALTER TABLE "Organisation" DROP COLUMN "membershipId";

-- The town's wall, as on every tenant-owned table (20261130040000_unforgeable_scope).
ALTER TABLE "OrganisationMember" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "OrganisationMember" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "OrganisationMember"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "OrganisationMember" TO helpt_system USING (true) WITH CHECK (true);
ALTER TABLE "PartnerInvitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PartnerInvitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "PartnerInvitation"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "PartnerInvitation" TO helpt_system USING (true) WITH CHECK (true);
ALTER TABLE "Referral" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Referral" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "Referral"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "Referral" TO helpt_system USING (true) WITH CHECK (true);
