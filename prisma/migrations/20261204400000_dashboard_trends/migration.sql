-- The dashboard's trends and map (lib/stats/trends.ts, lib/stats/neighbourhoods.ts)
-- stay independent of the town's size: offers and matches are counted per day
-- over the chosen period from (tenantId, createdAt) indexes, and the map reads
-- two more tallies instead of every volunteer of the town:
--   kind 'open-postcode'      key = postcode   requests NEW or OPEN
--   kind 'volunteer-postcode' key = postcode   ACTIVE volunteers

-- CreateIndex
CREATE INDEX "Response_tenantId_createdAt_idx" ON "Response"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Assignment_tenantId_createdAt_idx" ON "Assignment"("tenantId", "createdAt");

-- Backfill (before the triggers count them; the owner writes it).
INSERT INTO "TownTally" ("tenantId", kind, key, count)
SELECT "tenantId", 'open-postcode', postcode, count(*) FROM "HelpRequest" WHERE status IN ('NEW', 'OPEN') GROUP BY 1, 3
UNION ALL
SELECT "tenantId", 'volunteer-postcode', postcode, count(*) FROM "VolunteerProfile" WHERE status = 'ACTIVE' GROUP BY 1, 3;

-- As in 20261130130000_town_tallies, with the postcode tallies added.
CREATE OR REPLACE FUNCTION public.helpt_tally_requests() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  changed jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", status, "categoryId", neighbourhood, postcode, 1 AS delta FROM added) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", status, "categoryId", neighbourhood, postcode, -1 AS delta FROM removed) x;
  ELSE
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", status, "categoryId", neighbourhood, postcode, -1 AS delta FROM removed
                                           UNION ALL SELECT "tenantId", status, "categoryId", neighbourhood, postcode, 1 FROM added) x;
  END IF;
  IF changed IS NOT NULL THEN
    PERFORM public.helpt_tally_add(jsonb_agg(jsonb_build_object('tenantId', r."tenantId", 'kind', k.kind, 'key', k.key, 'delta', r.delta)))
       FROM jsonb_to_recordset(changed) AS r("tenantId" text, status text, "categoryId" text, neighbourhood text, postcode text, delta int)
      CROSS JOIN LATERAL (VALUES ('request', r.status), ('category', r."categoryId"),
                                 ('unmatched', CASE WHEN r.status IN ('NEW', 'OPEN') THEN r.neighbourhood END),
                                 ('open-postcode', CASE WHEN r.status IN ('NEW', 'OPEN') THEN r.postcode END)) AS k(kind, key)
      WHERE k.key IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION public.helpt_tally_volunteers() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  changed jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", status, "lastRespondedAt", postcode, 1 AS delta FROM added) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", status, "lastRespondedAt", postcode, -1 AS delta FROM removed) x;
  ELSE
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", status, "lastRespondedAt", postcode, -1 AS delta FROM removed
                                           UNION ALL SELECT "tenantId", status, "lastRespondedAt", postcode, 1 FROM added) x;
  END IF;
  IF changed IS NOT NULL THEN
    PERFORM public.helpt_tally_add(jsonb_agg(jsonb_build_object('tenantId', r."tenantId", 'kind', k.kind, 'key', k.key, 'delta', r.delta)))
       FROM jsonb_to_recordset(changed) AS r("tenantId" text, status text, "lastRespondedAt" timestamp, postcode text, delta int)
      CROSS JOIN LATERAL (VALUES ('volunteer', r.status),
                                 ('offered', CASE WHEN r.status = 'ACTIVE' THEN to_char(r."lastRespondedAt", 'YYYY-MM-DD') END),
                                 ('volunteer-postcode', CASE WHEN r.status = 'ACTIVE' THEN r.postcode END)) AS k(kind, key)
      WHERE k.key IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
