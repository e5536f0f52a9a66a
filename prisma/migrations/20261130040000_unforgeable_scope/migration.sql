-- Second wall, round two: a scope the web login cannot widen with SQL of its own.
--
-- * System work (every town's rows) is a role, helpt_system, not a setting:
--   its members pass a permissive policy of their own. The web login is a
--   member of helpt_app only, so it can neither be nor SET ROLE to it. The
--   owner (this migration's user) joins it so that its own connection (seeds,
--   backups, the embedded demo) sees every town; the app switches it to
--   helpt_app for a town's work.
-- * A town's scope is helpt.tenant_id plus helpt.tenant_sig, an HMAC-SHA256 of
--   the id under a key kept in helpt_private, which only the owner and
--   helpt_system may read. helpt_scope_tenant() (SECURITY DEFINER) returns the
--   id only when the signature matches, else NULL: a scope set without the key
--   reads and writes nothing. Policies call it as `(SELECT …)`, an InitPlan
--   evaluated once per statement.
-- * The key is drawn here from the server's strong random source
--   (gen_random_uuid), so it is never in this file; the app reads it through
--   the system login. helpt_private.rotate_scope_key() replaces it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'helpt_system') THEN
    CREATE ROLE helpt_system NOLOGIN NOBYPASSRLS;
  END IF;
  IF NOT pg_has_role('helpt_system', 'helpt_app', 'MEMBER') THEN
    GRANT helpt_app TO helpt_system;
  END IF;
  IF NOT pg_has_role(current_user, 'helpt_system', 'MEMBER') THEN
    EXECUTE format('GRANT helpt_system TO %I', current_user);
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE EXCEPTION 'The role helpt_system is missing or % may not grant it: create the roles first (README, "Using a real PostgreSQL", or scripts/db/roles.ts)', current_user;
END $$;

-- Nothing of the web login's may shadow what the definer function uses.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA helpt_private;
REVOKE ALL ON SCHEMA helpt_private FROM PUBLIC;
GRANT USAGE ON SCHEMA helpt_private TO helpt_system;

-- One row: the key (read by the app) and its HMAC pads (read by the function).
CREATE TABLE helpt_private.scope_key (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  key bytea NOT NULL,
  inner_pad bytea NOT NULL,
  outer_pad bytea NOT NULL
);
REVOKE ALL ON helpt_private.scope_key FROM PUBLIC;
GRANT SELECT (key) ON helpt_private.scope_key TO helpt_system;

-- HMAC (RFC 2104) from the built-in sha256(): the key zero-padded to SHA-256's
-- 64-byte block, XORed with 0x36 and 0x5c, kept so each check is two hashes.
CREATE FUNCTION helpt_private.rotate_scope_key() RETURNS void
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  new_key bytea := sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8'));
  block bytea := new_key || decode(repeat('00', 64 - length(new_key)), 'hex');
  inner_pad bytea := block;
  outer_pad bytea := block;
BEGIN
  FOR i IN 0..63 LOOP
    inner_pad := set_byte(inner_pad, i, get_byte(block, i) # 54);
    outer_pad := set_byte(outer_pad, i, get_byte(block, i) # 92);
  END LOOP;
  INSERT INTO helpt_private.scope_key (key, inner_pad, outer_pad) VALUES (new_key, inner_pad, outer_pad)
    ON CONFLICT (one) DO UPDATE SET key = EXCLUDED.key, inner_pad = EXCLUDED.inner_pad, outer_pad = EXCLUDED.outer_pad;
END $$;
REVOKE ALL ON FUNCTION helpt_private.rotate_scope_key() FROM PUBLIC;
SELECT helpt_private.rotate_scope_key();

-- PL/pgSQL, not SQL: it keeps its query plan for the session, where a SQL
-- function that cannot be inlined (SECURITY DEFINER) is planned again for each
-- statement. Every function, operator, type and table is named with its
-- schema, so the caller's search_path cannot redirect any of it; a SET
-- search_path clause would do the same at a higher cost per statement.
-- PARALLEL SAFE keeps parallel plans.
CREATE FUNCTION public.helpt_scope_tenant() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE AS $$
DECLARE
  id pg_catalog.text := pg_catalog.current_setting('helpt.tenant_id', true);
  k record;
BEGIN
  IF id IS NULL OR id OPERATOR(pg_catalog.=) '' THEN
    RETURN NULL;
  END IF;
  SELECT s.inner_pad, s.outer_pad INTO k FROM helpt_private.scope_key s;
  IF pg_catalog.current_setting('helpt.tenant_sig', true) OPERATOR(pg_catalog.=) pg_catalog.encode(pg_catalog.sha256(
       k.outer_pad OPERATOR(pg_catalog.||) pg_catalog.sha256(k.inner_pad OPERATOR(pg_catalog.||) pg_catalog.convert_to(id, 'UTF8'))), 'hex') THEN
    RETURN id;
  END IF;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION public.helpt_scope_tenant() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.helpt_scope_tenant() TO helpt_app;

-- Every table guarded by the first RLS migration: the town's verified scope,
-- or membership of helpt_system. helpt.system means nothing any more.
DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN SELECT polrelid::regclass FROM pg_policy WHERE polname = 'tenant_wall' LOOP
    EXECUTE format('ALTER POLICY tenant_wall ON %s USING ("tenantId" = (SELECT public.helpt_scope_tenant())) WITH CHECK ("tenantId" = (SELECT public.helpt_scope_tenant()))', t);
    EXECUTE format('CREATE POLICY system_wall ON %s TO helpt_system USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;
