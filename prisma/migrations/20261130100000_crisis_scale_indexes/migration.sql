-- Crisis scale (issue 16): indexes for every foreign key, every list's sort
-- order, and the volunteers' locations, so staff pages and matching cost the
-- same in a town of 100,000 volunteers as in one of 1,000.

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE INDEX "Assignment_assignedById_idx" ON "Assignment"("assignedById");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");

-- CreateIndex
CREATE INDEX "EmailSuppression_tenantId_idx" ON "EmailSuppression"("tenantId");

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_status_publishedAt_idx" ON "HelpRequest"("tenantId", "status", "publishedAt");

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_urgency_createdAt_idx" ON "HelpRequest"("tenantId", "urgency", "createdAt");

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_createdAt_idx" ON "HelpRequest"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_categoryId_idx" ON "HelpRequest"("tenantId", "categoryId");

-- CreateIndex
CREATE INDEX "HelpRequest_createdById_idx" ON "HelpRequest"("createdById");

-- CreateIndex
CREATE INDEX "RequestNote_authorId_idx" ON "RequestNote"("authorId");

-- CreateIndex
CREATE INDEX "Response_tenantId_requestId_createdAt_idx" ON "Response"("tenantId", "requestId", "createdAt");

-- CreateIndex
CREATE INDEX "Tenant_status_name_idx" ON "Tenant"("status", "name");

-- CreateIndex
CREATE INDEX "Vacancy_tenantId_organisationId_idx" ON "Vacancy"("tenantId", "organisationId");

-- CreateIndex
CREATE INDEX "VacancyApplication_tenantId_volunteerId_idx" ON "VacancyApplication"("tenantId", "volunteerId");

-- CreateIndex
CREATE INDEX "VolunteerProfile_tenantId_name_idx" ON "VolunteerProfile"("tenantId", "name");

-- CreateIndex
CREATE INDEX "VolunteerProfile_userId_idx" ON "VolunteerProfile"("userId");


-- Matching reads the nearest active volunteers first (KNN, `<->`) from a GiST
-- index on (tenantId, location); btree_gist lets the town's id lead it. It is
-- a trusted extension, so the database owner (the migrating login) may create
-- it. Location is (longitude × 0.64, latitude), the planar distance matching
-- has always ordered by (lib/matching/candidates.ts). Categories and
-- coordinates are included, so the category filter runs inside the index
-- (an index-only scan) without visiting the table. Raw SQL: Prisma's schema
-- cannot express an expression index, and leaves it alone.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE INDEX "VolunteerProfile_location_knn_idx" ON "VolunteerProfile"
  USING gist ("tenantId", point(longitude * 0.64, latitude)) INCLUDE (id, "categoryIds", latitude, longitude)
  WHERE status = 'ACTIVE' AND latitude IS NOT NULL AND longitude IS NOT NULL;
