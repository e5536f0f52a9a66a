import { prisma } from "@/lib/db/client";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { invalidateTenant } from "@/lib/tenancy/resolve";
import { billingUrl, emailAdmins } from "./notify";
import { GRACE_DAYS, TRIAL_NOTICE_DAYS } from "./plans";
import { DAY_MS } from "@/lib/dates/durations";
import { BILLING_SUSPENSION_REASON } from "@/lib/tenancy/suspension";

// Both jobs run daily and may run on two workers at once: each town is
// claimed with a conditional update on the state it was found in, and its
// e-mails are queued in that same transaction, so a town is handled once.

/** Suspends towns whose payment is still overdue after the grace period. Returns how many. */
export async function suspendAfterGrace(now = new Date()): Promise<number> {
  const due = await prisma.tenant.findMany({
    where: { billingStatus: "PAST_DUE", graceEndsAt: { lt: now } },
    select: { id: true, slug: true, defaultLocale: true },
  });
  let suspended = 0;
  for (const tenant of due) {
    const claimed = await forTenant(tenant.id).$transaction(async (tx) => {
      const { count } = await tx.tenant.updateMany({
        where: { id: tenant.id, billingStatus: "PAST_DUE", graceEndsAt: { lt: now } },
        data: { billingStatus: "SUSPENDED" },
      });
      if (count === 0) return false;
      // A town a platform admin already suspended keeps that reason.
      await tx.tenant.updateMany({
        where: { id: tenant.id, status: "ACTIVE" },
        data: { status: "SUSPENDED", suspendedReason: BILLING_SUSPENSION_REASON },
      });
      await emailAdmins(tx, tenant, "suspended", { reason: BILLING_SUSPENSION_REASON, url: billingUrl(tenant.slug) });
      return true;
    });
    if (claimed) {
      suspended++;
      invalidateTenant({ slug: tenant.slug });
    }
  }
  return suspended;
}

/** Reminds the admins of towns whose trial ends within a few days, once per town. Returns how many towns. */
export async function sendTrialNotices(now = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + TRIAL_NOTICE_DAYS * DAY_MS);
  const ending = await prisma.tenant.findMany({
    where: { billingStatus: "TRIALING", trialNoticeSentAt: null, trialEndsAt: { gt: now, lte: horizon } },
    select: { id: true, slug: true, defaultLocale: true, trialEndsAt: true },
  });
  let sent = 0;
  for (const tenant of ending) {
    const claimed = await forTenant(tenant.id).$transaction(async (tx) => {
      const { count } = await tx.tenant.updateMany({
        where: { id: tenant.id, billingStatus: "TRIALING", trialNoticeSentAt: null },
        data: { trialNoticeSentAt: now },
      });
      if (count === 0) return false;
      const days = Math.ceil((tenant.trialEndsAt!.getTime() - now.getTime()) / DAY_MS);
      await emailAdmins(tx, tenant, "trial-ending", { days, url: billingUrl(tenant.slug) });
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

/**
 * A trial started without payment (Stripe was down at sign-up) that ended
 * without a subscription is treated like an unpaid invoice: past due, with
 * the same grace period before suspension. Returns how many towns.
 */
export async function expireUnpaidTrials(now = new Date()): Promise<number> {
  const ended = await prisma.tenant.findMany({
    where: { billingStatus: "TRIALING", stripeSubscriptionId: null, trialEndsAt: { lt: now } },
    select: { id: true, slug: true, defaultLocale: true },
  });
  let expired = 0;
  for (const tenant of ended) {
    const claimed = await forTenant(tenant.id).$transaction(async (tx) => {
      const { count } = await tx.tenant.updateMany({
        where: { id: tenant.id, billingStatus: "TRIALING", stripeSubscriptionId: null, trialEndsAt: { lt: now } },
        data: { billingStatus: "PAST_DUE", graceEndsAt: new Date(now.getTime() + GRACE_DAYS * DAY_MS) },
      });
      if (count === 0) return false;
      await emailAdmins(tx, tenant, "payment-failed", { url: billingUrl(tenant.slug) });
      return true;
    });
    if (claimed) {
      expired++;
      invalidateTenant({ slug: tenant.slug });
    }
  }
  return expired;
}
