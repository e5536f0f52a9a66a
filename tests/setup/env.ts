import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// CI also gives the web and system logins, as production should (see README).
if (inject("appDatabaseUrl")) process.env.DATABASE_APP_URL = inject("appDatabaseUrl");
if (inject("systemDatabaseUrl")) process.env.DATABASE_SYSTEM_URL = inject("systemDatabaseUrl");
if (inject("embedded")) process.env.DATABASE_POOL_MAX = "1";
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
process.env.ROOT_DOMAIN ??= "localhost";
delete process.env.RESEND_API_KEY;
