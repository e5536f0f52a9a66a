-- The town's data protection officer, named in its privacy notice when set.
-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "dpoEmail" TEXT;

-- CreateEnum
CREATE TYPE "LegalDocument" AS ENUM ('TERMS', 'DPA');

-- Who accepted which version of the platform terms and the data processing
-- agreement for a town, and when (the sign-up wizard records both).
-- CreateTable
CREATE TABLE "TermsAcceptance" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "document" "LegalDocument" NOT NULL,
    "version" TEXT NOT NULL,
    "acceptedByName" TEXT NOT NULL,
    "acceptedByEmail" TEXT NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TermsAcceptance_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "TermsAcceptance_tenantId_document_acceptedAt_idx" ON "TermsAcceptance"("tenantId", "document", "acceptedAt");

-- AddForeignKey
ALTER TABLE "TermsAcceptance" ADD CONSTRAINT "TermsAcceptance_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The second wall, as on every tenant-owned table (see 20261130040000_unforgeable_scope).
ALTER TABLE "TermsAcceptance" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "TermsAcceptance" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "TermsAcceptance"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant()))
  WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "TermsAcceptance" TO helpt_system USING (true) WITH CHECK (true);
