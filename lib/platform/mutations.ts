import type { Prisma, Tenant } from "@/generated/prisma/client";
import { billingUrl, emailAdmins } from "@/lib/billing/notify";
import { DAY_MS } from "@/lib/dates/durations";
import { NotFoundInTenant } from "@/lib/errors";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { invalidateTenant } from "@/lib/tenancy/resolve";
import { idSchema } from "@/lib/forms/bound";
import type { PlanInput, SuspendInput, TrialInput } from "./schemas";

// What platform admins change on a town. Each function takes the acting admin
// explicitly and its input parsed (the actions check who that is and parse the
// form), and returns whether anything changed: asking for the state a town is
// already in writes nothing.

type Town = Pick<Tenant, "id" | "slug" | "status" | "suspendedReason" | "plan" | "trialEndsAt" | "defaultLocale">;
type Change = {
  data: Prisma.TenantUpdateInput;
  action: string;
  details: Prisma.InputJsonObject;
  /** Set when the change suspends an active town: the reason mailed to its admins. */
  mailReason?: string;
};

/**
 * Applies `decide`'s change with its audit row and e-mails in one
 * transaction. The town's row is locked first, so two admins acting at once
 * are serialised and each audit row records the true previous state.
 */
async function changeTown(actorId: string, tenantId: string, decide: (town: Town) => Change | null): Promise<boolean> {
  if (!idSchema.safeParse(tenantId).success) throw new NotFoundInTenant("town");
  const changed = await forTenant(tenantId).$transaction(async (tx) => {
    const locked = await tx.$executeRaw`SELECT 1 FROM "Tenant" WHERE id = ${tenantId} FOR UPDATE`;
    if (!locked) throw new NotFoundInTenant("town");
    const town = await tx.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { id: true, slug: true, status: true, suspendedReason: true, plan: true, trialEndsAt: true, defaultLocale: true },
    });
    const change = decide(town);
    if (!change) return null;
    await tx.tenant.update({ where: { id: tenantId }, data: change.data });
    await tx.platformAudit.create({ data: { actorId, tenantId, action: change.action, details: change.details } });
    if (change.mailReason) {
      await emailAdmins(tx, town, "suspended", { reason: change.mailReason, url: billingUrl(town.slug) });
    }
    return town;
  });
  if (!changed) return false;
  invalidateTenant({ slug: changed.slug });
  return true;
}

/** Suspends a town with a reason shown on its site. A suspended town only gets its reason updated (and no second e-mail). */
export async function suspendTown(actorId: string, tenantId: string, { reason }: SuspendInput): Promise<boolean> {
  return changeTown(actorId, tenantId, (town) => {
    if (town.status === "SUSPENDED" && town.suspendedReason === reason) return null;
    return {
      data: { status: "SUSPENDED", suspendedReason: reason },
      action: "town.suspend",
      details: { reason, previousStatus: town.status, previousReason: town.suspendedReason },
      mailReason: town.status === "ACTIVE" ? reason : undefined,
    };
  });
}

/** Lifts a suspension, whoever imposed it (a platform admin or billing). */
export async function reactivateTown(actorId: string, tenantId: string): Promise<boolean> {
  return changeTown(actorId, tenantId, (town) =>
    town.status === "ACTIVE"
      ? null
      : { data: { status: "ACTIVE", suspendedReason: null }, action: "town.reactivate", details: { previousReason: town.suspendedReason } },
  );
}

/** Sets the plan by hand; Stripe is not called, so a subscription keeps its own state. */
export async function changePlan(actorId: string, tenantId: string, { plan }: PlanInput): Promise<boolean> {
  return changeTown(actorId, tenantId, (town) =>
    town.plan === plan ? null : { data: { plan }, action: "town.plan", details: { from: town.plan, to: plan } },
  );
}

/** Extends the trial by `days` from its current end, or from now if it has already ended. */
export async function extendTrial(actorId: string, tenantId: string, { days }: TrialInput, now = new Date()): Promise<boolean> {
  return changeTown(actorId, tenantId, (town) => {
    const from = town.trialEndsAt && town.trialEndsAt > now ? town.trialEndsAt : now;
    const trialEndsAt = new Date(from.getTime() + days * DAY_MS);
    return {
      // The "trial ends soon" reminder should go out again before the new end.
      data: { trialEndsAt, trialNoticeSentAt: null },
      action: "town.trial",
      details: { days, previousEnd: town.trialEndsAt?.toISOString() ?? null, trialEndsAt: trialEndsAt.toISOString() },
    };
  });
}
