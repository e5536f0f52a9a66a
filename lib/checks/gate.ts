import type { CheckKind } from "@/lib/checks/kinds";
import { InvalidTransition } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/for-tenant";

type Db = Pick<TenantDb, "volunteerCheck">;

/**
 * The server's refusal, whatever a page showed: every one of `volunteerIds`
 * must hold a valid confirmation of every kind in `required` at `now`, or the
 * offer or assignment is refused with a translated "checksMissing".
 */
export async function assertChecked(db: Db, volunteerIds: string[], required: readonly CheckKind[], now = new Date()) {
  if (required.length === 0 || volunteerIds.length === 0) return;
  const held = await db.volunteerCheck.findMany({
    where: { volunteerId: { in: volunteerIds }, kind: { in: [...required] }, validUntil: { gt: now } },
    select: { volunteerId: true, kind: true },
  });
  const has = new Set(held.map((c) => `${c.volunteerId}\n${c.kind}`));
  if (volunteerIds.some((id) => required.some((kind) => !has.has(`${id}\n${kind}`)))) throw new InvalidTransition("checksMissing");
}
