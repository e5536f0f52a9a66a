-- The public list of open requests pages by (publishedAt, id), newest first:
-- with id in the key, a page is one backward index read of its rows, however
-- many requests the town has open (without it, ties force a sort of them all).

-- DropIndex
DROP INDEX "HelpRequest_tenantId_status_publishedAt_idx";

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_status_publishedAt_id_idx" ON "HelpRequest"("tenantId", "status", "publishedAt", "id");
