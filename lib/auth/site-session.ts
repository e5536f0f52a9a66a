import { createHash, randomBytes } from "node:crypto";

// Session cookies are host-only, so a browser never sends one site's session
// to another. The database session itself must not work elsewhere either: a
// token names the site it was issued on (the town's key, or "" for the apex),
// and a site accepts only its own. A hash, so that a slug cannot be a prefix
// of a custom domain's tag.

const tag = (site: string) => createHash("sha256").update(`helpt-session-site:${site}`).digest("base64url").slice(0, 16);

/** A new session token for `site`: `<site tag>.<random>`. */
export const sessionTokenFor = (site: string) => `${tag(site)}.${randomBytes(32).toString("base64url")}`;

/** Whether `token` was issued on `site`. */
export const issuedOn = (token: string, site: string) => token.startsWith(`${tag(site)}.`);

/** What every session token issued on `site` starts with (to end a town's sessions only). */
export const sessionPrefixOf = (site: string) => `${tag(site)}.`;
