import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// The app's login that owns nothing, as in production (see README).
if (inject("appDatabaseUrl")) process.env.DATABASE_APP_URL = inject("appDatabaseUrl");
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
process.env.ROOT_DOMAIN ??= "localhost";
delete process.env.RESEND_API_KEY;
process.env.LOG_LEVEL ??= "silent";
