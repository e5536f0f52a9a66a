-- The dashboard's trends (lib/stats/trends.ts) counted the period's offers and
-- matches row by row (233,000 offers in a month in the bench's largest town)
-- and walked every open request for the backlog: the view grew with the
-- town's activity. They now read per-day tallies, kept by statement-level
-- triggers as in 20261130130000_town_tallies (same table, slots and adder),
-- on the town's calendar (its time zone; recomputed when the town changes
-- zone):
--   kind 'day-source'    key = 'YYYY-MM-DD SOURCE'      requests created that day
--   kind 'day-category'  key = 'YYYY-MM-DD categoryId'  requests created that day
--   kind 'day-offer'     key = 'YYYY-MM-DD'             responses created that day
--   kind 'day-match'     key = 'YYYY-MM-DD'             assignments created that day
--   kind 'day-backlog'   key = 'YYYY-MM-DD'             +1 the day a request is created, -1 the day it
--                                                       leaves the backlog (first match or closing)
--   kind 'backlog'       key = ''                       requests in the backlog now (the sum of 'day-backlog')
-- A view reads at most the period's days per series. The medians (time to
-- first offer, to match) read each request's first offer and first match,
-- kept on the request by triggers, from an index over the period's requests.

-- AlterTable
ALTER TABLE "HelpRequest" ADD COLUMN     "firstMatchAt" TIMESTAMP(3),
ADD COLUMN     "firstOfferAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_createdAt_firstOfferAt_firstMatchAt_idx" ON "HelpRequest"("tenantId", "createdAt", "firstOfferAt", "firstMatchAt");

-- Backfill the requests' first offer and match (the tallies of requests by
-- status and area are unchanged by it: their trigger is held off meanwhile).
ALTER TABLE "HelpRequest" DISABLE TRIGGER tally_moved;
UPDATE "HelpRequest" r SET "firstOfferAt" = x.first
  FROM (SELECT "tenantId", "requestId", min("createdAt") AS first FROM "Response" GROUP BY 1, 2) x
 WHERE r."tenantId" = x."tenantId" AND r.id = x."requestId";
UPDATE "HelpRequest" r SET "firstMatchAt" = x.first
  FROM (SELECT "tenantId", "requestId", min("createdAt") AS first FROM "Assignment" GROUP BY 1, 2) x
 WHERE r."tenantId" = x."tenantId" AND r.id = x."requestId";
ALTER TABLE "HelpRequest" ENABLE TRIGGER tally_moved;

-- The town's calendar day of an instant (the columns hold UTC without a zone).
CREATE FUNCTION public.helpt_town_day(at timestamp, zone text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT to_char((at AT TIME ZONE 'UTC') AT TIME ZONE zone, 'YYYY-MM-DD');
$$;

-- A request's day tallies as (kind, key, delta) for a row counted once
-- (sign -1 or +1): it joins the backlog the day it is created and leaves it the day of
-- its first match or closing (whichever is first; never before its creation).
CREATE FUNCTION public.helpt_request_days(zone text, created timestamp, source text, category text, first_match timestamp, closed timestamp, sign int)
RETURNS TABLE (kind text, key text, delta int)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT k.kind, k.key, k.delta FROM (VALUES
    ('day-source', public.helpt_town_day(created, zone) || ' ' || source, sign),
    ('day-category', public.helpt_town_day(created, zone) || ' ' || category, sign),
    ('day-backlog', public.helpt_town_day(created, zone), sign),
    ('backlog', '', sign),
    ('day-backlog', public.helpt_town_day(greatest(least(first_match, closed), created), zone), CASE WHEN least(first_match, closed) IS NOT NULL THEN -sign END),
    ('backlog', '', CASE WHEN least(first_match, closed) IS NOT NULL THEN -sign END)
  ) AS k(kind, key, delta) WHERE k.delta IS NOT NULL;
$$;

-- Recounts the day tallies of `towns` from their rows, on their calendars
-- (a town that changes its time zone; the backfill below).
CREATE FUNCTION public.helpt_day_tallies_rebuild(towns text[]) RETURNS void
LANGUAGE sql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  DELETE FROM public."TownTally" WHERE "tenantId" = ANY(towns) AND kind IN ('day-source', 'day-category', 'day-offer', 'day-match', 'day-backlog', 'backlog');
  INSERT INTO public."TownTally" ("tenantId", kind, key, count)
  SELECT x."tenantId", x.kind, x.key, sum(x.delta) FROM (
    SELECT r."tenantId", d.kind, d.key, d.delta
      FROM public."HelpRequest" r JOIN public."Tenant" t ON t.id = r."tenantId"
     CROSS JOIN LATERAL public.helpt_request_days(t."timeZone", r."createdAt", r.source::text, r."categoryId", r."firstMatchAt", r."closedAt", 1) d
     WHERE r."tenantId" = ANY(towns)
    UNION ALL
    SELECT x."tenantId", 'day-offer', public.helpt_town_day(x."createdAt", t."timeZone"), 1
      FROM public."Response" x JOIN public."Tenant" t ON t.id = x."tenantId" WHERE x."tenantId" = ANY(towns)
    UNION ALL
    SELECT a."tenantId", 'day-match', public.helpt_town_day(a."createdAt", t."timeZone"), 1
      FROM public."Assignment" a JOIN public."Tenant" t ON t.id = a."tenantId" WHERE a."tenantId" = ANY(towns)
  ) x GROUP BY 1, 2, 3 HAVING sum(x.delta) <> 0;
$$;

-- Backfill (before the triggers exist; the owner writes it).
SELECT public.helpt_day_tallies_rebuild(array_agg(id)) FROM "Tenant";

-- Requests: old rows count -1, new ones +1 (an update that leaves the counted
-- columns alone nets to zero and writes nothing).
CREATE FUNCTION public.helpt_day_requests() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  changed jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", "createdAt", source, "categoryId", "firstMatchAt", "closedAt", 1 AS delta FROM added) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", "createdAt", source, "categoryId", "firstMatchAt", "closedAt", -1 AS delta FROM removed) x;
  ELSE
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", "createdAt", source, "categoryId", "firstMatchAt", "closedAt", -1 AS delta FROM removed
                                           UNION ALL SELECT "tenantId", "createdAt", source, "categoryId", "firstMatchAt", "closedAt", 1 FROM added) x;
  END IF;
  IF changed IS NOT NULL THEN
    PERFORM public.helpt_tally_add(jsonb_agg(jsonb_build_object('tenantId', r."tenantId", 'kind', d.kind, 'key', d.key, 'delta', d.delta)))
       FROM jsonb_to_recordset(changed) AS r("tenantId" text, "createdAt" timestamp, source text, "categoryId" text, "firstMatchAt" timestamp, "closedAt" timestamp, delta int)
       JOIN public."Tenant" t ON t.id = r."tenantId"
      CROSS JOIN LATERAL public.helpt_request_days(t."timeZone", r."createdAt", r.source, r."categoryId", r."firstMatchAt", r."closedAt", r.delta) d;
  END IF;
  RETURN NULL;
END $$;

-- Responses and assignments: a day tally ('day-offer' or 'day-match', the
-- trigger's argument) and the request's first one ("firstOfferAt" or
-- "firstMatchAt"), recomputed for the requests whose rows went or moved.
CREATE FUNCTION public.helpt_day_activity() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  tally text := TG_ARGV[0];
  first_column text := CASE TG_ARGV[0] WHEN 'day-offer' THEN 'firstOfferAt' ELSE 'firstMatchAt' END;
  source_table text := CASE TG_ARGV[0] WHEN 'day-offer' THEN 'Response' ELSE 'Assignment' END;
  changed jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", "requestId", "createdAt", 1 AS delta FROM added) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(x) INTO changed FROM (SELECT "tenantId", "requestId", "createdAt", -1 AS delta FROM removed) x;
  ELSE
    -- Only rows moved to another request or time count (status changes are most updates).
    SELECT jsonb_agg(x) INTO changed FROM (
      SELECT o."tenantId", o."requestId", o."createdAt", -1 AS delta FROM removed o JOIN added n ON n."tenantId" = o."tenantId" AND n.id = o.id
       WHERE n."requestId" <> o."requestId" OR n."createdAt" <> o."createdAt"
      UNION ALL
      SELECT n."tenantId", n."requestId", n."createdAt", 1 FROM removed o JOIN added n ON n."tenantId" = o."tenantId" AND n.id = o.id
       WHERE n."requestId" <> o."requestId" OR n."createdAt" <> o."createdAt") x;
  END IF;
  IF changed IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM public.helpt_tally_add(jsonb_agg(jsonb_build_object('tenantId', r."tenantId", 'kind', tally, 'key', public.helpt_town_day(r."createdAt", t."timeZone"), 'delta', r.delta)))
     FROM jsonb_to_recordset(changed) AS r("tenantId" text, "createdAt" timestamp, delta int)
     JOIN public."Tenant" t ON t.id = r."tenantId";
  -- An added row can only bring the first one forward; a removed or moved one may have been it.
  IF TG_OP = 'INSERT' THEN
    EXECUTE format($q$
      UPDATE public."HelpRequest" h SET %1$I = a.first
        FROM (SELECT r."tenantId", r."requestId", min(r."createdAt") AS first
                FROM jsonb_to_recordset($1) AS r("tenantId" text, "requestId" text, "createdAt" timestamp) GROUP BY 1, 2) a
       WHERE h."tenantId" = a."tenantId" AND h.id = a."requestId" AND (h.%1$I IS NULL OR h.%1$I > a.first)$q$, first_column) USING changed;
  ELSE
    EXECUTE format($q$
      UPDATE public."HelpRequest" h SET %1$I = (SELECT min(x."createdAt") FROM public.%2$I x WHERE x."tenantId" = h."tenantId" AND x."requestId" = h.id)
        FROM (SELECT DISTINCT r."tenantId", r."requestId" FROM jsonb_to_recordset($1) AS r("tenantId" text, "requestId" text)) a
       WHERE h."tenantId" = a."tenantId" AND h.id = a."requestId"$q$, first_column, source_table) USING changed;
  END IF;
  RETURN NULL;
END $$;

-- The town's calendar moved: its day tallies are recounted on the new one.
CREATE FUNCTION public.helpt_day_zone_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM public.helpt_day_tallies_rebuild(ARRAY[NEW.id]);
  RETURN NULL;
END $$;

CREATE TRIGGER day_added AFTER INSERT ON "HelpRequest" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_day_requests();
CREATE TRIGGER day_removed AFTER DELETE ON "HelpRequest" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_day_requests();
CREATE TRIGGER day_moved AFTER UPDATE ON "HelpRequest" REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_day_requests();
CREATE TRIGGER day_added AFTER INSERT ON "Response" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_day_activity('day-offer');
CREATE TRIGGER day_removed AFTER DELETE ON "Response" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_day_activity('day-offer');
CREATE TRIGGER day_moved AFTER UPDATE ON "Response" REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_day_activity('day-offer');
CREATE TRIGGER day_added AFTER INSERT ON "Assignment" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_day_activity('day-match');
CREATE TRIGGER day_removed AFTER DELETE ON "Assignment" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_day_activity('day-match');
CREATE TRIGGER day_moved AFTER UPDATE ON "Assignment" REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_day_activity('day-match');
CREATE TRIGGER day_zone_changed AFTER UPDATE OF "timeZone" ON "Tenant"
  FOR EACH ROW WHEN (OLD."timeZone" IS DISTINCT FROM NEW."timeZone") EXECUTE FUNCTION public.helpt_day_zone_changed();
