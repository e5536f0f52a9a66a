-- The dashboard's "active volunteers" (offered help in the last 30 days)
-- probed "Response" once per volunteer: seconds in a town of 100,000. Each
-- volunteer now carries the time of their newest response, kept by the
-- database whatever writes a response, so the figure is one index-only count.

-- AlterTable
ALTER TABLE "VolunteerProfile" ADD COLUMN     "lastRespondedAt" TIMESTAMP(3);

-- DropIndex: the new index below starts with the same columns.
DROP INDEX "VolunteerProfile_tenantId_status_idx";

-- CreateIndex
CREATE INDEX "VolunteerProfile_tenantId_status_lastRespondedAt_idx" ON "VolunteerProfile"("tenantId", "status", "lastRespondedAt");

-- Statement-level triggers with transition tables: one UPDATE per statement,
-- as cheap for one response as for a bulk insert. Security invoker: the web
-- login updates its own town's volunteers, under row-level security. Names
-- are schema-qualified and the search path fixed, so a caller's temporary
-- tables cannot stand in for them.
CREATE FUNCTION public.helpt_response_added() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE public."VolunteerProfile" v SET "lastRespondedAt" = a.newest
    FROM (SELECT "tenantId", "volunteerId", max("createdAt") AS newest FROM added GROUP BY 1, 2) a
   WHERE v."tenantId" = a."tenantId" AND v.id = a."volunteerId"
     AND (v."lastRespondedAt" IS NULL OR v."lastRespondedAt" < a.newest);
  RETURN NULL;
END $$;

-- A removed response may have been the newest: recount those volunteers.
CREATE FUNCTION public.helpt_response_removed() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE public."VolunteerProfile" v
     SET "lastRespondedAt" = (SELECT max(r."createdAt") FROM public."Response" r WHERE r."tenantId" = v."tenantId" AND r."volunteerId" = v.id)
    FROM (SELECT DISTINCT "tenantId", "volunteerId" FROM removed) d
   WHERE v."tenantId" = d."tenantId" AND v.id = d."volunteerId";
  RETURN NULL;
END $$;

-- Status changes (withdrawn, assigned, released) leave it alone; a response
-- moved to another volunteer or time (the app never does) counts on both sides.
CREATE FUNCTION public.helpt_response_moved() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE public."VolunteerProfile" v
     SET "lastRespondedAt" = (SELECT max(r."createdAt") FROM public."Response" r WHERE r."tenantId" = v."tenantId" AND r."volunteerId" = v.id)
    FROM (SELECT o."tenantId", o."volunteerId" FROM removed o JOIN added n ON n."tenantId" = o."tenantId" AND n.id = o.id
           WHERE n."volunteerId" <> o."volunteerId" OR n."createdAt" <> o."createdAt"
          UNION
          SELECT n."tenantId", n."volunteerId" FROM removed o JOIN added n ON n."tenantId" = o."tenantId" AND n.id = o.id
           WHERE n."volunteerId" <> o."volunteerId" OR n."createdAt" <> o."createdAt") d
   WHERE v."tenantId" = d."tenantId" AND v.id = d."volunteerId";
  RETURN NULL;
END $$;

CREATE TRIGGER response_added AFTER INSERT ON "Response" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_response_added();
CREATE TRIGGER response_removed AFTER DELETE ON "Response" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_response_removed();
CREATE TRIGGER response_moved AFTER UPDATE ON "Response" REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_response_moved();

-- Backfill.
UPDATE "VolunteerProfile" v SET "lastRespondedAt" = r.newest
  FROM (SELECT "tenantId", "volunteerId", max("createdAt") AS newest FROM "Response" GROUP BY 1, 2) r
 WHERE v."tenantId" = r."tenantId" AND v.id = r."volunteerId";
