-- CreateIndex
CREATE INDEX "VolunteerProfile_categoryIds_idx" ON "VolunteerProfile" USING GIN ("categoryIds");


