import { Prisma } from "@/generated/prisma/client";
import type { CheckKind } from "@/lib/checks/kinds";

/**
 * SQL that holds when the volunteer `volunteerId` (a column) has a valid
 * confirmation of every kind in `kinds`: one EXISTS per kind, each answered by
 * the (tenantId, volunteerId, kind, validUntil) index for that one volunteer,
 * so a filter a level above a bounded scan costs per row read, not per town.
 */
export function hasValidChecksSql(tenantId: string, volunteerId: Prisma.Sql, kinds: readonly CheckKind[], now: Date): Prisma.Sql {
  if (kinds.length === 0) return Prisma.sql`TRUE`;
  // OFFSET 0 keeps each EXISTS a per-row look-up: without it the planner may turn it into a join that
  // reads every valid check of the town first (it guesses few), which grows with the town.
  return Prisma.join(kinds.map((kind) => Prisma.sql`EXISTS (SELECT 1 FROM "VolunteerCheck" c
     WHERE c."tenantId" = ${tenantId} AND c."volunteerId" = ${volunteerId} AND c.kind = ${kind}::"CheckKind" AND c."validUntil" > ${now} OFFSET 0)`), " AND ");
}
