-- The public list of open requests pages by (publishedAt, id), newest first:
-- with id in the key, a page is one backward index read of its rows, however
-- many requests the town has open (without it, ties force a sort of them all).

-- DropIndex
DROP INDEX "HelpRequest_tenantId_status_publishedAt_idx";

-- CreateIndex
CREATE INDEX "HelpRequest_tenantId_status_publishedAt_id_idx" ON "HelpRequest"("tenantId", "status", "publishedAt", "id");

-- The town's home shows how many requests, volunteers and offers it has:
-- counting them grew with the town (a few dozen milliseconds at 100,000
-- volunteers). Requests and volunteers are tallied by status already
-- (20261130130000_town_tallies); offers get a tally too:
--   kind 'response'      key = ''                          responses
-- so the home reads a few dozen rows in a town of any size.

-- Backfill (before the trigger exists; the owner writes it).
INSERT INTO "TownTally" ("tenantId", kind, key, count)
SELECT "tenantId", 'response', '', count(*) FROM "Response" GROUP BY 1;

-- Responses are added and removed; an update never moves one to another town.
CREATE FUNCTION public.helpt_tally_responses() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  changed jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('tenantId', "tenantId", 'kind', 'response', 'key', '', 'delta', n)) INTO changed
      FROM (SELECT "tenantId", count(*) AS n FROM added GROUP BY 1) x;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('tenantId', "tenantId", 'kind', 'response', 'key', '', 'delta', -n)) INTO changed
      FROM (SELECT "tenantId", count(*) AS n FROM removed GROUP BY 1) x;
  END IF;
  IF changed IS NOT NULL THEN
    PERFORM public.helpt_tally_add(changed);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER tally_added AFTER INSERT ON "Response" REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_tally_responses();
CREATE TRIGGER tally_removed AFTER DELETE ON "Response" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION public.helpt_tally_responses();
