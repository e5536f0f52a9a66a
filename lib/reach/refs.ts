/**
 * The causes a town's reach figures are counted by (Notification.ref): names
 * and moments, never personal data.
 */
export const CRISIS_CALL = "crisis-call";
export const ALERT_WAVE = "alert-wave";

/** The crisis call made when the town switched to crisis mode at `at`. */
export const crisisCallRef = (at: Date) => `${CRISIS_CALL}:${at.toISOString()}`;

/** What a ref names: a crisis call (and when), an alert wave (and which), or null for anything else. */
export function parseRef(ref: string): { kind: "crisis-call"; at: Date } | { kind: "alert-wave"; id: string } | null {
  const [kind, rest] = [ref.slice(0, ref.indexOf(":")), ref.slice(ref.indexOf(":") + 1)];
  if (kind === CRISIS_CALL) {
    const at = new Date(rest);
    return Number.isNaN(at.getTime()) ? null : { kind, at };
  }
  if (kind === ALERT_WAVE && rest) return { kind, id: rest };
  return null;
}
