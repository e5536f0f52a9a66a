import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  esbuild: { jsx: "automatic" },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/setup/global-database.ts"],
    setupFiles: ["tests/setup/env.ts"],
    // The embedded database is a single session: test files take turns. A real
    // server (TEST_DATABASE_URL, as in CI) runs them in parallel.
    fileParallelism: Boolean(process.env.TEST_DATABASE_URL),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
