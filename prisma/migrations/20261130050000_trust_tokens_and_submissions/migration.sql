-- A sign-in link works only on the site it was asked on. Links issued before
-- this change name no site: they are withdrawn (asking again takes a minute).
DELETE FROM "VerificationToken";

-- AlterTable
ALTER TABLE "VerificationToken" ADD COLUMN     "site" TEXT NOT NULL;

-- A form's submission key: a retried submission finds the request it created.
-- AlterTable
ALTER TABLE "HelpRequest" ADD COLUMN     "submissionKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "HelpRequest_tenantId_submissionKey_key" ON "HelpRequest"("tenantId", "submissionKey");
