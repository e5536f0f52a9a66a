-- The coordinator dashboard counted the whole town on every view (requests by
-- status, category and neighbourhood; volunteers by status and last offer):
-- its cost grew with the town. Per-town tallies, kept by statement-level
-- triggers whatever writes the rows, make it a read of a few dozen rows.
--   kind 'request'       key = status                      requests
--   kind 'category'      key = categoryId                  requests
--   kind 'unmatched'     key = neighbourhood               requests NEW or OPEN
--   kind 'volunteer'     key = status                      volunteers
--   kind 'offered'       key = YYYY-MM-DD (UTC) of lastRespondedAt   ACTIVE volunteers who ever offered
-- Each count is split over 8 slots, picked by the writing connection
-- (pg_backend_pid() % 8): a row lock is held until the writer commits, so one
-- row per count would queue a burst of registrations, offers or requests in a
-- town behind each other; concurrent transactions run on different
-- connections and mostly on different slots. The reader sums the slots (a
-- slot may be negative); rows at zero stay.

-- CreateTable
CREATE TABLE "TownTally" (
    "tenantId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "slot" SMALLINT NOT NULL DEFAULT 0,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TownTally_pkey" PRIMARY KEY ("tenantId","kind","key","slot")
);

-- AddForeignKey
ALTER TABLE "TownTally" ADD CONSTRAINT "TownTally_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill (before the triggers exist; the owner writes it).
INSERT INTO "TownTally" ("tenantId", kind, key, count)
SELECT "tenantId", 'request', status::text, count(*) FROM "HelpRequest" GROUP BY 1, 3
UNION ALL
SELECT "tenantId", 'category', "categoryId", count(*) FROM "HelpRequest" GROUP BY 1, 3
UNION ALL
SELECT "tenantId", 'unmatched', neighbourhood, count(*) FROM "HelpRequest" WHERE status IN ('NEW', 'OPEN') GROUP BY 1, 3
UNION ALL
SELECT "tenantId", 'volunteer', status::text, count(*) FROM "VolunteerProfile" GROUP BY 1, 3
UNION ALL
SELECT "tenantId", 'offered', to_char("lastRespondedAt", 'YYYY-MM-DD'), count(*) FROM "VolunteerProfile"
 WHERE status = 'ACTIVE' AND "lastRespondedAt" IS NOT NULL GROUP BY 1, 3;

-- Adds the deltas (tenantId, kind, key, delta) to the tallies in this
-- connection's slot, in key order so concurrent statements take the rows'
-- locks in the same order. A town being
-- deleted (its rows cascading away) gets no new tallies. Security invoker: the
-- web login writes its own town's tallies, under row-level security.
CREATE FUNCTION public.helpt_tally_add(deltas jsonb) RETURNS void
LANGUAGE sql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO public."TownTally" AS t ("tenantId", kind, key, slot, count)
  SELECT d."tenantId", d.kind, d.key, pg_backend_pid() % 8, sum(d.delta)
    FROM jsonb_to_recordset(deltas) AS d("tenantId" text, kind text, key text, delta int)
   WHERE EXISTS (SELECT 1 FROM public."Tenant" x WHERE x.id = d."tenantId")
   GROUP BY 1, 2, 3 HAVING sum(d.delta) <> 0
   ORDER BY 1, 2, 3
  ON CONFLICT ("tenantId", kind, key, slot) DO UPDATE SET count = t.count + excluded.count;
$$;

-- The rows a statement changed, as (row, delta): old rows count -1, new ones +1
-- (an update that leaves the tallied columns alone nets to zero and writes
-- nothing). `removed` and `added` are the transition tables; each branch
-- names only those its event has.
CREATE FUNCTION public.helpt_tally_requests() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  changed jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", status, "categoryId", neighbourhood, 1 AS delta FROM added) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", status, "categoryId", neighbourhood, -1 AS delta FROM removed) x;
  ELSE
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", status, "categoryId", neighbourhood, -1 AS delta FROM removed
                                           UNION ALL SELECT "tenantId", status, "categoryId", neighbourhood, 1 FROM added) x;
  END IF;
  IF changed IS NOT NULL THEN
    PERFORM public.helpt_tally_add(jsonb_agg(jsonb_build_object('tenantId', r."tenantId", 'kind', k.kind, 'key', k.key, 'delta', r.delta)))
       FROM jsonb_to_recordset(changed) AS r("tenantId" text, status text, "categoryId" text, neighbourhood text, delta int)
      CROSS JOIN LATERAL (VALUES ('request', r.status), ('category', r."categoryId"),
                                 ('unmatched', CASE WHEN r.status IN ('NEW', 'OPEN') THEN r.neighbourhood END)) AS k(kind, key)
      WHERE k.key IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION public.helpt_tally_volunteers() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  changed jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", status, "lastRespondedAt", 1 AS delta FROM added) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", status, "lastRespondedAt", -1 AS delta FROM removed) x;
  ELSE
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", status, "lastRespondedAt", -1 AS delta FROM removed
                                           UNION ALL SELECT "tenantId", status, "lastRespondedAt", 1 FROM added) x;
  END IF;
  IF changed IS NOT NULL THEN
    PERFORM public.helpt_tally_add(jsonb_agg(jsonb_build_object('tenantId', r."tenantId", 'kind', k.kind, 'key', k.key, 'delta', r.delta)))
       FROM jsonb_to_recordset(changed) AS r("tenantId" text, status text, "lastRespondedAt" timestamp, delta int)
      CROSS JOIN LATERAL (VALUES ('volunteer', r.status),
                                 ('offered', CASE WHEN r.status = 'ACTIVE' THEN to_char(r."lastRespondedAt", 'YYYY-MM-DD') END)) AS k(kind, key)
      WHERE k.key IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER tally_added AFTER INSERT ON "HelpRequest" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_tally_requests();
CREATE TRIGGER tally_removed AFTER DELETE ON "HelpRequest" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_tally_requests();
CREATE TRIGGER tally_moved AFTER UPDATE ON "HelpRequest" REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_tally_requests();
CREATE TRIGGER tally_added AFTER INSERT ON "VolunteerProfile" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_tally_volunteers();
CREATE TRIGGER tally_removed AFTER DELETE ON "VolunteerProfile" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_tally_volunteers();
CREATE TRIGGER tally_moved AFTER UPDATE ON "VolunteerProfile" REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_tally_volunteers();

-- The town's wall, as on every tenant-owned table (20261130040000_unforgeable_scope).
ALTER TABLE "TownTally" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "TownTally" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "TownTally"
  USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()));
CREATE POLICY system_wall ON "TownTally" TO helpt_system USING (true) WITH CHECK (true);
