import { E2E_AUTH_SECRET } from "../../../playwright.config";
import { invitationToken } from "../../../lib/imports/invitation";
import { sql } from "./site";

/**
 * A volunteer import of a town by one of its people, in the given state (a
 * preview with a row to import and one refused, or a finished import), for
 * pages that show it. Idempotent: each call restores the same row.
 */
export async function arrangeImport(tenantId: string, id: string, email: string, status: "PREVIEW" | "DONE"): Promise<string> {
  const rows = status === "PREVIEW" ? [{ line: 2, name: "Imported Person", email: "imported@example.be", phone: "+32470123456", postcode: "3000", languages: ["nl"], categoryIds: [], skills: [] }] : [];
  const problems = [{ line: 3, column: "email", error: "invalidEmail" }, { line: 4, column: "phone", error: "invalidPhone" }, { line: 5, column: "languages", error: "unknownLanguage", value: "Klingon" }];
  const done = status === "DONE" ? 1 : 0;
  await sql(
    `INSERT INTO "ImportJob" ("tenantId", id, "createdById", "fileName", status, total, invalid, processed, created, rows, problems, "updatedAt")
     SELECT $1, $2, u.id, 'vrijwilligers.csv', $3::"ImportStatus", 4, 3, $4, $4, $5, $6, now() FROM "User" u WHERE u.email = $7
     ON CONFLICT ("tenantId", id) DO UPDATE SET status = EXCLUDED.status, processed = EXCLUDED.processed, created = EXCLUDED.created, rows = EXCLUDED.rows`,
    [tenantId, id, status, done, JSON.stringify(rows), JSON.stringify(problems), email]);
  return id;
}

/** An imported volunteer who has not accepted yet (INVITED), and their invitation link's token, signed as the e2e server signs. */
export async function arrangeInvited(tenantId: string, id: string): Promise<string> {
  process.env.AUTH_SECRET = E2E_AUTH_SECRET; // this test process only: sign as the server does
  const email = `${id}@invited.example`;
  await sql(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now()) ON CONFLICT (email) DO NOTHING`, [id, email]);
  await sql(`INSERT INTO "Membership" ("tenantId", id, "userId", role) VALUES ($1, $2, $2, 'VOLUNTEER') ON CONFLICT DO NOTHING`, [tenantId, id]);
  await sql(
    `INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, "categoryIds", languages, availability, skills, status, "invitedAt", "updatedAt")
     VALUES ($1, $2, $2, $2, 'Ines Invited', '', '3000', ARRAY[]::text[], ARRAY['nl'], ARRAY[]::text[], ARRAY[]::text[], 'INVITED', now(), now())
     ON CONFLICT ("tenantId", id) DO UPDATE SET status = 'INVITED', "codeOfConductAt" = NULL`,
    [tenantId, id]);
  return invitationToken(tenantId, id);
}
