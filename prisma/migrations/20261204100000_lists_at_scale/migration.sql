-- Lists at scale (issue 19): the staff request queue and volunteer list are
-- paged by keyset (a row comparison on the sort columns and the id), so every
-- sort has a B-tree index on (tenantId, its columns, id) and any page is an
-- index seek. The indexes they replace had the same leading columns.

-- DropIndex
DROP INDEX "HelpRequest_tenantId_status_createdAt_idx";

-- DropIndex
DROP INDEX "HelpRequest_tenantId_urgency_createdAt_idx";

-- DropIndex
DROP INDEX "HelpRequest_tenantId_createdAt_idx";

-- DropIndex
DROP INDEX "VolunteerProfile_tenantId_name_idx";

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_status_createdAt_id_idx" ON "HelpRequest"("tenantId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_urgency_createdAt_id_idx" ON "HelpRequest"("tenantId", "urgency", "createdAt", "id");

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_createdAt_id_idx" ON "HelpRequest"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_neighbourhood_idx" ON "HelpRequest"("tenantId", "neighbourhood");

-- CreateIndex
CREATE INDEX "VolunteerProfile_tenantId_name_id_idx" ON "VolunteerProfile"("tenantId", "name", "id");

-- CreateIndex
CREATE INDEX "VolunteerProfile_tenantId_createdAt_id_idx" ON "VolunteerProfile"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "VolunteerProfile_tenantId_status_name_id_idx" ON "VolunteerProfile"("tenantId", "status", "name", "id");

-- Free-text search: one trigram index per list over the text a coordinator
-- searches (lib/requests/queue-sql.ts, lib/volunteers/list-sql.ts write the same
-- expressions), answering ILIKE '%…%' for three or more characters. pg_trgm
-- is a trusted extension (the migrating owner may create it). Raw SQL:
-- Prisma's schema cannot express an expression index, and leaves it alone.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "HelpRequest_search_trgm_idx" ON "HelpRequest"
  USING gin ((reference || ' ' || neighbourhood || ' ' || postcode || ' ' || "publicSummary") gin_trgm_ops);

CREATE INDEX "VolunteerProfile_search_trgm_idx" ON "VolunteerProfile"
  USING gin ((name || ' ' || postcode || ' ' || phone) gin_trgm_ops);
