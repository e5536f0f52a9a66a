import { E2E_AUTH_SECRET } from "../../../playwright.config";
import { concernLinkToken } from "../../../lib/concerns/link-token";
import { sql } from "./site";

/**
 * Safeguarding in a town for the page suites: `leadEmail` (a staff member)
 * named safeguarding lead, an open concern naming `volunteerId` about
 * `requestId`, and the request's resident link signed as the e2e server signs.
 */
export async function arrangeConcern(tenantId: string, requestId: string, volunteerId: string, leadEmail: string): Promise<{ concern: string; link: string }> {
  process.env.AUTH_SECRET = E2E_AUTH_SECRET; // this test process only: sign as the server does
  await sql(
    `INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT $1, $2, u.id, 'SAFEGUARDING' FROM "User" u WHERE u.email = $3 ON CONFLICT DO NOTHING`,
    [tenantId, `e2e-lead-${tenantId}`, leadEmail],
  );
  const concern = `e2e-concern-${tenantId}`;
  await sql(
    `INSERT INTO "Concern" ("tenantId", id, source, about, body, "requestId", "subjectVolunteerId", contact, deadline, "updatedAt")
     VALUES ($1, $2, 'RESIDENT_PHONE', 'A volunteer who came by', 'The resident felt pressured to lend money to the volunteer.', $3, $4, 'Maria, 0470 12 34 56', now() + interval '2 days', now())
     ON CONFLICT ("tenantId", id) DO UPDATE SET status = 'NEW', "closedAt" = NULL, "pausedAt" = NULL`,
    [tenantId, concern, requestId, volunteerId],
  );
  return { concern, link: concernLinkToken(tenantId, requestId) };
}
