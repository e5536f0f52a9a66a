-- Lists at scale (issue 19): the audit log, organisations' applicants and the
-- platform's towns list page by keyset, so each sort order has an index that
-- ends in the row's id (the cursor's tie-breaker).

-- DropIndex
DROP INDEX "AuditLog_tenantId_createdAt_idx";

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_createdAt_id_idx" ON "AuditLog"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_action_createdAt_id_idx" ON "AuditLog"("tenantId", "action", "createdAt", "id");

-- CreateIndex
CREATE INDEX "VacancyApplication_tenantId_createdAt_id_idx" ON "VacancyApplication"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Tenant_name_id_idx" ON "Tenant"("name", "id");

-- CreateIndex
CREATE INDEX "Tenant_createdAt_id_idx" ON "Tenant"("createdAt", "id");

-- Free-text search ("contains", ILIKE) answered by trigram indexes. pg_trgm and
-- btree_gin are trusted extensions, so the database owner (the migrating
-- login) may create them; btree_gin lets the town's id lead a GIN index, so a
-- search reads only that town's entries. The searched fields are joined with
-- chr(1), which a search text never holds (control characters are stripped),
-- so a match never spans two fields. Raw SQL: Prisma's schema cannot express
-- an expression index, and leaves it alone. lib/audit/filter.ts repeats these
-- expressions exactly, or the planner could not use them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX "AuditLog_search_trgm_idx" ON "AuditLog"
  USING gin ("tenantId", (action || chr(1) || "subjectType" || chr(1) || "subjectId") gin_trgm_ops);

-- Who did it: people are global, searched by e-mail and name.
CREATE INDEX "User_search_trgm_idx" ON "User"
  USING gin ((email || chr(1) || coalesce(name, '')) gin_trgm_ops);
