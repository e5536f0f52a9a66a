import { SESSION_IDLE_SECONDS } from "@/lib/auth/session-limits";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { SIGNUP_COOKIE } from "@/lib/signup/draft";
import { SIGNUP_DRAFT_DAYS } from "@/lib/privacy/purge-expired";

export type CookiePurpose = "session" | "csrf" | "callback" | "locale" | "signup";

/**
 * Every cookie the app sets, as the cookie notice lists it. Auth.js names its
 * cookies "authjs.*", with a __Secure-/__Host- prefix over https; the locale
 * and sign-up cookies are ours. The e2e cookie test fails when the browser
 * holds a cookie that is not listed here.
 */
export const COOKIES: { names: string[]; purpose: CookiePurpose; apexOnly?: boolean }[] = [
  { names: ["authjs.session-token", "__Secure-authjs.session-token"], purpose: "session" },
  { names: ["authjs.csrf-token", "__Host-authjs.csrf-token"], purpose: "csrf" },
  { names: ["authjs.callback-url", "__Secure-authjs.callback-url"], purpose: "callback" },
  { names: [LOCALE_COOKIE], purpose: "locale" },
  { names: [SIGNUP_COOKIE], purpose: "signup", apexOnly: true },
];

/** The values the notice's durations name. */
export const COOKIE_DURATIONS = { sessionHours: SESSION_IDLE_SECONDS / 3600, signupDays: SIGNUP_DRAFT_DAYS };
