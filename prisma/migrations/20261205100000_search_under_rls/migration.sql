-- Free-text search under row-level security (issue 19). PostgreSQL applies a
-- policy's qual before any non-leakproof operator, and ILIKE (texticlike) is
-- not leakproof, so through the web login the trigram indexes of migrations
-- 20261204100000 and 20261204600000 were never used: a search read every row
-- of the town. These functions find the matching ids from those indexes as
-- their owner (who sees every town: a member of helpt_system), and return
-- nothing unless the town asked for is the transaction's verified scope, so a
-- search reaches exactly what the policies let the caller read. The lists use
-- them as `id = ANY(ARRAY(SELECT …))` (lib/lists/search.ts).
--
-- The searched expressions are the indexes' own, written out again here: the
-- planner uses an expression index only for the same expression. The query is
-- run by EXECUTE, so it is planned with the pattern's value (a short pattern
-- has no trigrams: then the (tenantId, …) B-tree indexes serve). A fixed
-- search_path and schema-qualified tables keep the caller's objects out.

-- May the caller search this town? Its verified scope, or a login that reads
-- every town anyway (helpt_system's members, outside a town's scope: the
-- system login, the owner, the bench without the wall). The role setting is the
-- caller's own (SET ROLE helpt_app for a town's work), unchanged by the definer.
CREATE FUNCTION helpt_private.search_allowed(tenant text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT tenant IS NOT NULL AND (
    tenant = public.helpt_scope_tenant()
    OR (current_setting('role') = 'none' AND pg_has_role(session_user, 'helpt_system', 'MEMBER'))
  )
$$;
REVOKE ALL ON FUNCTION helpt_private.search_allowed(text) FROM PUBLIC;

-- The queue (lib/requests/queries.ts): reference, neighbourhood, postcode, public summary.
CREATE FUNCTION public.helpt_search_requests(tenant text, pattern text) RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF helpt_private.search_allowed(tenant) THEN
    RETURN QUERY EXECUTE 'SELECT r.id FROM public."HelpRequest" r WHERE r."tenantId" = $1
      AND (r.reference || '' '' || r.neighbourhood || '' '' || r.postcode || '' '' || r."publicSummary") ILIKE $2' USING tenant, pattern;
  END IF;
END $$;

-- The volunteers (lib/volunteers/admin.ts): name, postcode, phone.
CREATE FUNCTION public.helpt_search_volunteers(tenant text, pattern text) RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF helpt_private.search_allowed(tenant) THEN
    RETURN QUERY EXECUTE 'SELECT v.id FROM public."VolunteerProfile" v WHERE v."tenantId" = $1
      AND (v.name || '' '' || v.postcode || '' '' || v.phone) ILIKE $2' USING tenant, pattern;
  END IF;
END $$;

-- The audit log (lib/audit/filter.ts): action, subject type, subject id.
CREATE FUNCTION public.helpt_search_audit(tenant text, pattern text) RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF helpt_private.search_allowed(tenant) THEN
    RETURN QUERY EXECUTE 'SELECT a.id FROM public."AuditLog" a WHERE a."tenantId" = $1
      AND (a.action || chr(1) || a."subjectType" || chr(1) || a."subjectId") ILIKE $2' USING tenant, pattern;
  END IF;
END $$;

REVOKE ALL ON FUNCTION public.helpt_search_requests(text, text), public.helpt_search_volunteers(text, text), public.helpt_search_audit(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.helpt_search_requests(text, text), public.helpt_search_volunteers(text, text), public.helpt_search_audit(text, text) TO helpt_app;
