import { NextRequest } from "next/server";

const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/** Auth.js's own test: a path on this site or an absolute http(s) address. */
function isHttpUrl(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Auth.js answers a malformed callback URL (query parameter or cookie) with a
 * 500 "server configuration" error. Drop it instead: the sign-in then simply
 * returns to the site's home page.
 */
export function withoutBadCallbackUrl(req: NextRequest): NextRequest {
  const url = new URL(req.url);
  let clean = req;
  if (url.searchParams.getAll("callbackUrl").some((value) => !isHttpUrl(value, url.origin))) {
    url.searchParams.delete("callbackUrl");
    clean = new NextRequest(url, req);
  }
  // Every occurrence: a name sent twice is read first-wins by Auth.js, last-wins by Next.js.
  const cookies = clean.headers.get("cookie");
  if (cookies) {
    const kept = cookies.split(/;\s*/).filter((pair) => {
      const [name, ...value] = pair.split("=");
      return !CALLBACK_COOKIES.includes(name.trim()) || isHttpUrl(decoded(value.join("=")), url.origin);
    });
    clean.headers.set("cookie", kept.join("; "));
  }
  return clean;
}
