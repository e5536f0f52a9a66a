/** An address or number on one channel, with what the person agreed to, whether it was confirmed, and whether they withdrew it (STOP). */
export type Address = { value: string; consent: boolean; verified: boolean; optedOut?: boolean };
/** How a person can be reached; notify() uses every channel the contact has an address on. */
export type Contact = { email?: Address | null; phone?: Address | null; push?: Address | null };

/** An address typed in for this exchange (a resident's request, an invitation): fit for answers about it, not for alerts. */
export const givenAddress = (email: string | null | undefined): Contact => ({ email: email ? { value: email, consent: false, verified: false } : null });

/** What a volunteer's profile says about texts: their number, whether they want alerts by text, and the number a code confirmed. */
export type VolunteerPhone = { phone: string; smsAlerts: boolean; phoneVerified: string | null };

/**
 * A signed-up volunteer. Helpt signs people in only by a link sent to their
 * address, and a profile is made only when signed in, so the address is
 * confirmed; volunteering for the town is agreeing to hear from it. Texts
 * need more: their own yes on the profile, and the number confirmed by a code
 * (lib/volunteers/phone.ts) for alerts.
 */
export const volunteerContact = (user: { email: string }, profile?: Partial<VolunteerChannels> | null): Contact => ({
  email: { value: user.email, consent: true, verified: true },
  // Texts are a channel of theirs only once they said yes on their profile (no record of "no consent" on every alert).
  phone: profile?.phone && profile.smsAlerts ? { value: profile.phone, consent: true, verified: profile.phoneVerified === profile.phone } : null,
  // Push reaches the profile (every browser it subscribed); a subscription is consent and proof at once.
  push: profile?.id && profile.pushDevices?.length ? { value: profile.id, consent: true, verified: true } : null,
});

/** Select this with a volunteer profile to pass it to volunteerContact(): the number and its consent, and whether any of their browsers takes web push (one row at most, in the same query). */
export const VOLUNTEER_CHANNELS = { id: true, phone: true, smsAlerts: true, phoneVerified: true, pushDevices: { select: { id: true }, take: 1 } } as const;
type VolunteerChannels = VolunteerPhone & { id: string; pushDevices: unknown[] };
