import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// The web and system logins, as production has them (see README).
if (inject("appDatabaseUrl")) process.env.DATABASE_APP_URL = inject("appDatabaseUrl");
if (inject("systemDatabaseUrl")) process.env.DATABASE_SYSTEM_URL = inject("systemDatabaseUrl");
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
process.env.ROOT_DOMAIN ??= "localhost";
delete process.env.RESEND_API_KEY;
process.env.LOG_LEVEL ??= "silent";
