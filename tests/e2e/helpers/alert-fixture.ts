import { E2E_AUTH_SECRET } from "../../../playwright.config";
import { newToken } from "../../../lib/alerts/token";
import { sql } from "./site";

/**
 * A sent alert for a volunteer on a published request, and its one-click
 * token, signed as the e2e server signs (its AUTH_SECRET). Each call makes a
 * fresh, unused link (the volunteer's earlier one for the request goes).
 */
export async function arrangeAlert(tenantId: string, requestId: string, volunteerId: string): Promise<string> {
  process.env.AUTH_SECRET = E2E_AUTH_SECRET; // this test process only: sign as the server does
  await sql(
    `INSERT INTO "AlertWave" ("tenantId", id, "requestId", number, mode, size, "sentAt") VALUES ($1, $2, $3, 1, 'CRISIS', 1, now()) ON CONFLICT DO NOTHING`,
    [tenantId, `e2e-wave-${requestId}`, requestId],
  );
  const [wave] = await sql<{ id: string }>(`SELECT id FROM "AlertWave" WHERE "tenantId" = $1 AND "requestId" = $2 AND number = 1`, [tenantId, requestId]);
  await sql(`DELETE FROM "Alert" WHERE "tenantId" = $1 AND "requestId" = $2 AND "volunteerId" = $3`, [tenantId, requestId, volunteerId]);
  const { id, token } = newToken({ tenantId, requestId, volunteerId });
  await sql(
    `INSERT INTO "Alert" ("tenantId", id, "waveId", "requestId", "volunteerId", alerted, deliveries, "expiresAt")
     VALUES ($1, $2, $3, $4, $5, true, '[]', now() + interval '3 days')`,
    [tenantId, id, wave.id, requestId, volunteerId],
  );
  return token;
}
