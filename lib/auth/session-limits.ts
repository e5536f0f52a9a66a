// A session ends after a day without use (inactivity) and a week after sign-in
// whatever happens (absolute): staff see personal data of vulnerable residents,
// and signing in again is one e-mail away.
export const SESSION_IDLE_SECONDS = 24 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;
// How often an active session's idle deadline is pushed back (one write per period).
export const SESSION_REFRESH_SECONDS = 15 * 60;

// A sign-in link works for this long (shown on the "check your e-mail" page).
export const MAGIC_LINK_MINUTES = 15;

export const absoluteEnd = (createdAt: Date) => new Date(createdAt.getTime() + SESSION_ABSOLUTE_SECONDS * 1000);
