import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run a production build through the same launcher as
// `npm start`, on its own port and data folder, with towns on *.localhost.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const E2E_DB_PORT = Number(process.env.E2E_DB_PORT ?? 54329);
export const E2E_DATA_DIR = ".data/e2e";
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0000";
// Twilio's webhooks answer (and check signatures) only with an auth token; without TWILIO_ACCOUNT_SID texts still stay in /dev/sms.
export const E2E_TWILIO_AUTH_TOKEN = "e2e-twilio-auth-token-0000";
/** The server's secret: the alert fixtures sign one-click links with it (tests/e2e/helpers/alert-fixture.ts). */
export const E2E_AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-000000";
export const E2E_OPERATOR = { name: "E2E Operator BV", address: "Teststraat 17, 3000 Leuven" };
// A key pair made for these tests only (npx web-push generate-vapid-keys): web push is on in the suite.
export const E2E_VAPID = { publicKey: "BHzl-L0f3YbZDqZCOVbdmfPTTUCy6vz8YCO3VqRSZxYstGfc0IvZ9qVkD-iXOs7Str_Y-NKRBhD5R3PjywK5MOE", privateKey: "8tylAcZ0o0pNOBqyWjz9eEQRPBH4wmQqpmDmt9I_QZs" };
const databaseUrl = process.env.TEST_DATABASE_URL;
const appDatabaseUrl = process.env.TEST_DATABASE_APP_URL;
const systemDatabaseUrl = process.env.TEST_DATABASE_SYSTEM_URL;

const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One test at a time: besides sharing one server and database, Lighthouse
  // times the main thread, and a second worker would be timed with it.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // Lighthouse last, after every other test has finished (one worker runs the
  // projects in this order), so nothing else in the suite runs while it measures.
  projects: [
    { name: "e2e", testIgnore: /lighthouse\.spec\.ts$/ },
    { name: "lighthouse", testMatch: /lighthouse\.spec\.ts$/ },
  ],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    // The launcher stops its PostgreSQL on SIGTERM; Playwright's default SIGKILL would leave it running.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    env: {
      PORT: String(E2E_PORT),
      HELPT_DATA_DIR: E2E_DATA_DIR,
      HELPT_EMBEDDED_DB_PORT: String(E2E_DB_PORT),
      AUTH_SECRET: E2E_AUTH_SECRET,
      METRICS_TOKEN: E2E_METRICS_TOKEN, // tests count the requests the server answered
      TWILIO_AUTH_TOKEN: E2E_TWILIO_AUTH_TOKEN,
      HELPT_OPERATOR_NAME: E2E_OPERATOR.name, // the legal pages name the configured operator (legal.spec.ts)
      HELPT_OPERATOR_ADDRESS: E2E_OPERATOR.address,
      VAPID_PUBLIC_KEY: E2E_VAPID.publicKey,
      VAPID_PRIVATE_KEY: E2E_VAPID.privateKey,
      VAPID_SUBJECT: "mailto:ops@helpt.example",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl, HELPT_SEED_DEMO: "1" } : {}),
      ...(appDatabaseUrl ? { DATABASE_APP_URL: appDatabaseUrl } : {}),
      ...(systemDatabaseUrl ? { DATABASE_SYSTEM_URL: systemDatabaseUrl } : {}),
    },
  },
});
