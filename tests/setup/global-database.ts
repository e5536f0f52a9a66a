import type { TestProject } from "vitest/node";
import { checkDatabase, migrate } from "../../scripts/lib/database";
import { startPostgresCluster, type PostgresCluster } from "../../scripts/lib/postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    appDatabaseUrl: string;
    systemDatabaseUrl: string;
  }
}

// Integration tests run against real PostgreSQL: TEST_DATABASE_URL when set;
// otherwise a throwaway embedded cluster with production's roles, the app
// logging in as helpt_web behind row-level security. Migrations go through the
// Prisma CLI, as the owner.
let cluster: PostgresCluster | undefined;

export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let appUrl = process.env.TEST_DATABASE_APP_URL ?? "";
  let systemUrl = process.env.TEST_DATABASE_SYSTEM_URL ?? "";
  if (!url) {
    cluster = await startPostgresCluster();
    ({ ownerUrl: url, appUrl, systemUrl } = await cluster.createHelptDatabase("helpt_test"));
  }
  await checkDatabase(url);
  await migrate(url);
  project.provide("databaseUrl", url);
  project.provide("appDatabaseUrl", appUrl);
  project.provide("systemDatabaseUrl", systemUrl);
}

export async function teardown() {
  await cluster?.stop();
}
