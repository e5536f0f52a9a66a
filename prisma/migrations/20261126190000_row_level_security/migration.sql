-- Second wall: row-level security on every table with a tenantId.
-- The application works as helpt_app, a role that owns no table and cannot
-- bypass RLS; migrations run as the owner. FORCE makes the owner obey too.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'helpt_app') THEN
    CREATE ROLE helpt_app NOLOGIN NOBYPASSRLS;
  END IF;
  -- The owner's connection switches to helpt_app per transaction (set_config('role', …)).
  IF NOT pg_has_role(current_user, 'helpt_app', 'MEMBER') THEN
    EXECUTE format('GRANT helpt_app TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO helpt_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO helpt_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO helpt_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO helpt_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO helpt_app;

ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Membership" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "Membership"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "Category" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Category" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "Category"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "HelpRequest" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "HelpRequest" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "HelpRequest"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "Response" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Response" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "Response"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "RequestNote" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RequestNote" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "RequestNote"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditLog" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "AuditLog"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "Area" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Area" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "Area"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "VolunteerProfile" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "VolunteerProfile" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "VolunteerProfile"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "Assignment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Assignment" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "Assignment"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "Organisation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Organisation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "Organisation"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "Vacancy" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Vacancy" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "Vacancy"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "VacancyApplication" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "VacancyApplication" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "VacancyApplication"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "Domain" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Domain" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "Domain"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "OutboxEmail" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "OutboxEmail" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "OutboxEmail"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "StripeEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "StripeEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "StripeEvent"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "SignupDraft" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SignupDraft" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "SignupDraft"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');

ALTER TABLE "PlatformAudit" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PlatformAudit" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON "PlatformAudit"
  USING ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on')
  WITH CHECK ("tenantId" = current_setting('helpt.tenant_id', true) OR current_setting('helpt.system', true) = 'on');
