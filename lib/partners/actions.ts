"use server";

import { townAction } from "@/lib/actions/pipeline";
import { ADMIN_ROLES } from "@/lib/auth/guard";
import type { FormState } from "@/lib/forms/state";
import { withCountry } from "@/lib/forms/with-country";
import { saveMemberDetails } from "@/lib/partners/details";
import { acceptPartnerInvitation, inviteColleague, invitePartner } from "@/lib/partners/invitations";
import { colleagueInviteSchema, joinSchema, partnerInviteSchema } from "@/lib/partners/schemas";

/** An invitation form's answer: whom it invited (the form is empty again for the next). */
export type PartnerInviteState = FormState & { invited?: string };

const PARTNER_ROLE = ["ORGANISATION"] as const;

/** The town's admin invites a partner organisation and its first member. */
export async function invitePartnerAction(_prev: PartnerInviteState, formData: FormData): Promise<PartnerInviteState> {
  return townAction<typeof ADMIN_ROLES, typeof partnerInviteSchema, PartnerInviteState>(formData, { who: ADMIN_ROLES, input: partnerInviteSchema }, async ({ tenant, actor }, input) => {
    await invitePartner(tenant, { userId: actor.userId, name: actor.email }, input);
    return { state: { invited: input.email } };
  });
}

/** A partner's manager invites a colleague. */
export async function inviteColleagueAction(_prev: PartnerInviteState, formData: FormData): Promise<PartnerInviteState> {
  return townAction<typeof PARTNER_ROLE, typeof colleagueInviteSchema, PartnerInviteState>(formData, { who: PARTNER_ROLE, input: colleagueInviteSchema }, async ({ tenant, actor }, input) => {
    await inviteColleague(tenant, actor, input);
    return { state: { invited: input.email } };
  });
}

/** The invited person, signed in with the invited address, joins the partner (they hold no role in the town yet). */
export async function joinPartnerAction(invitationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: "user", id: invitationId, input: joinSchema, from: withCountry }, async ({ tenant, actor, id }, input) => {
    await acceptPartnerInvitation(tenant, actor, id, input);
    return { redirect: "/organisation" };
  });
}

/** A partner's member corrects their name and call-back phone. */
export async function memberDetailsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: PARTNER_ROLE, input: joinSchema, from: withCountry }, async ({ tenant, actor }, input) => {
    await saveMemberDetails(tenant, actor.userId, input);
  });
}
