import { NotFoundInTenant } from "@/lib/errors";
import type { PushSubscriptionInput } from "@/lib/push/schemas";
import { forTenant } from "@/lib/tenancy/for-tenant";

/** Phone, tablet, a computer or two: more is a script, and each one costs a request per notification. */
export const MAX_DEVICES = 5;

/**
 * The volunteer's browser agrees to web push on this town's site. A browser
 * is one person's at a time: subscribing again (another volunteer signed in
 * on it) moves it to them. Beyond MAX_DEVICES the oldest is forgotten.
 */
export async function savePushSubscription(tenant: { id: string }, userId: string, input: PushSubscriptionInput) {
  await forTenant(tenant.id).$transaction(async (tx) => {
    const profile = await tx.volunteerProfile.findFirst({ where: { userId }, select: { id: true } });
    if (!profile) throw new NotFoundInTenant("volunteer");
    const { endpoint, keys } = input;
    await tx.pushSubscription.upsert({
      where: { tenantId_endpoint: { tenantId: tenant.id, endpoint } },
      update: { profileId: profile.id, p256dh: keys.p256dh, auth: keys.auth },
      create: { tenantId: tenant.id, profileId: profile.id, endpoint, p256dh: keys.p256dh, auth: keys.auth },
    });
    const older = await tx.pushSubscription.findMany({ where: { profileId: profile.id }, orderBy: { createdAt: "desc" }, skip: MAX_DEVICES, select: { id: true } });
    if (older.length) await tx.pushSubscription.deleteMany({ where: { id: { in: older.map((s) => s.id) } } });
  });
}

/** "Stop": this browser no longer gets the volunteer's push notifications. */
export async function removePushSubscription(tenant: { id: string }, userId: string, endpoint: string) {
  await forTenant(tenant.id).pushSubscription.deleteMany({ where: { endpoint, profile: { userId } } });
}
