import { NotFoundInTenant } from "@/lib/errors";
import { partnerSeat } from "@/lib/partners/members";
import { createRequest } from "@/lib/requests/mutations";
import type { PhoneRequestInput } from "@/lib/requests/schemas";
import type { Tenant } from "@/lib/tenancy/tenant";

/**
 * A partner's member registers a request for a resident, with the resident's
 * consent recorded as the phone intake records it. The request names the
 * partner and the member (their name and phone as they are now), so the
 * coordinator can call them back. Only someone working for a partner of this town may.
 */
export async function referResident(tenant: Tenant, userId: string, input: PhoneRequestInput, meta: { locale: string; submissionKey?: string }) {
  const seat = await partnerSeat(tenant, userId);
  if (!seat) throw new NotFoundInTenant("partner member");
  return createRequest(tenant, input, {
    source: "REFERRAL", locale: meta.locale, staffId: userId, submissionKey: meta.submissionKey,
    referral: { organisationId: seat.organisation.id, referrerName: seat.member.name, referrerPhone: seat.member.phone },
  });
}
