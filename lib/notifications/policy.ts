import { atHour, localTimestamp, startOfDay } from "@/lib/dates/zoned";

export type Channel = "EMAIL" | "SMS" | "PUSH";
export type Outcome = "QUEUED" | "DEFERRED" | "CAPPED" | "NO_CONSENT" | "UNVERIFIED" | "OPTED_OUT";
/** TRANSACTIONAL: answers the person's own step or a duty of the town (confirmations, assignments, invitations, billing). NOTIFICATION: unsolicited (alerts, digests). */
export type Kind = "TRANSACTIONAL" | "NOTIFICATION";

/** The town's night, on its own clock: non-urgent notifications wait until it ends. */
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 7;

/**
 * What each channel asks of an address before a message may use it. An e-mail
 * address given for the exchange itself (a request's confirmation, an
 * invitation) may be answered; only unsolicited mail needs recorded consent
 * and a confirmed address. A text always needs recorded consent (it costs the
 * town and reaches a person wherever they are), and an alert a number
 * confirmed by a code. A push subscription is both by nature: the person's
 * own browser made it.
 */
const NEEDS: Record<Channel, (kind: Kind) => { consent: boolean; verified: boolean }> = {
  EMAIL: (kind) => ({ consent: kind === "NOTIFICATION", verified: kind === "NOTIFICATION" }),
  SMS: (kind) => ({ consent: true, verified: kind === "NOTIFICATION" }),
  PUSH: () => ({ consent: true, verified: true }),
};

/** The local calendar day of `at` in `timeZone`, as the instants it begins and ends (23, 24 or 25 hours long). */
export function localDay(at: Date, timeZone: string): { start: Date; end: Date } {
  const ymd = localTimestamp(at, timeZone).slice(0, 10);
  return { start: startOfDay(ymd, 0, timeZone), end: startOfDay(ymd, 1, timeZone) };
}

/** When a message may go out: at once, or — a non-urgent notification in the town's quiet hours — at 07:00 its time. */
export function dueAt(now: Date, timeZone: string, message: { kind: Kind; urgent: boolean }): Date {
  if (message.kind !== "NOTIFICATION" || message.urgent) return now;
  const local = localTimestamp(now, timeZone);
  const ymd = local.slice(0, 10);
  const hour = Number(local.slice(11, 13));
  if (hour >= QUIET_FROM_HOUR) return atHour(ymd, QUIET_UNTIL_HOUR, 1, timeZone);
  if (hour < QUIET_UNTIL_HOUR) return atHour(ymd, QUIET_UNTIL_HOUR, 0, timeZone);
  return now;
}

export type Decision = {
  channel: Channel;
  kind: Kind;
  address: { consent: boolean; verified: boolean; optedOut?: boolean };
  now: Date;
  due: Date;
  /** Counted messages already due to this person on this channel on the local day of `due`. */
  usedThatDay: number;
  cap: number;
};

/**
 * The one rule for every channel: a withdrawn channel (STOP) is never used,
 * not even for answers; then consent, then a confirmed address, then the
 * daily cap (notifications only, urgent or not: a crisis is no licence to
 * spam), then the quiet hours. A deferred message is not dropped.
 */
export function decide(d: Decision): Outcome {
  if (d.address.optedOut) return "OPTED_OUT";
  const needs = NEEDS[d.channel](d.kind);
  if (needs.consent && !d.address.consent) return "NO_CONSENT";
  if (needs.verified && !d.address.verified) return "UNVERIFIED";
  if (d.kind === "NOTIFICATION" && d.usedThatDay >= d.cap) return "CAPPED";
  return d.due.getTime() > d.now.getTime() ? "DEFERRED" : "QUEUED";
}
