import { mapTiles } from "@/lib/maps/tiles";

/**
 * Content-Security-Policy with a fresh nonce per response: only scripts that
 * Next.js renders with that nonce (and what they load, 'strict-dynamic') run,
 * so an injected <script> or inline handler never does. Styles stay
 * 'unsafe-inline' for the town's brand colour set in style attributes.
 */
export function contentSecurityPolicy(nonce: string, development = process.env.NODE_ENV === "development", tiles = mapTiles()): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Map tiles only from the operator's chosen tile server (lib/maps/tiles.ts).
    `img-src 'self' data: blob:${tiles ? ` ${tiles.origin}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (public/sw.js) for web push; 'strict-dynamic' would otherwise leave no source for it.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self' https://checkout.stripe.com https://billing.stripe.com",
  ].join("; ");
}

export function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}
