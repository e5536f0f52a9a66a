import { cache } from "react";
import { headers } from "next/headers";
import { auth } from "@/lib/auth/auth";

// Auth.js reads the session from every cookie whose name starts with
// `authjs.session-token` (plain HTTP) or `__Secure-authjs.session-token`
// (HTTPS), chunks `.0`, `.1`… included; names are not decoded. A Cookie header
// without this text cannot carry a session.
const SESSION_COOKIE = "authjs.session-token";

/**
 * The signed-in session, looked up once per request: the layout, the header
 * and the page all ask. Anonymous visitors (most town-page views) cost no
 * query and no pass through Auth.js's handler.
 */
export const currentSession = cache(async () => {
  if (!(await headers()).get("cookie")?.includes(SESSION_COOKIE)) return null;
  return auth();
});
