import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { checkDatabase, migrate } from "../../scripts/lib/database";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { ROOT } from "../../scripts/lib/run";
import { clusterUnavailable, startPostgresCluster, type PostgresCluster } from "../support/postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    appDatabaseUrl: string;
    systemDatabaseUrl: string;
    embedded: boolean;
  }
}

// Integration tests run against real PostgreSQL: TEST_DATABASE_URL when set
// (CI); otherwise a throwaway cluster with production's roles when PostgreSQL's
// server programs are installed; otherwise a fresh embedded one (PGlite, where
// a failed statement after the per-transaction role switch can break the
// connection, so a few constraint-race tests may fail there). Migrations go
// through the Prisma CLI.
let embedded: EmbeddedPostgres | undefined;
let cluster: PostgresCluster | undefined;

export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let appUrl = process.env.TEST_DATABASE_APP_URL ?? "";
  let systemUrl = process.env.TEST_DATABASE_SYSTEM_URL ?? "";
  if (!url && !clusterUnavailable()) {
    cluster = await startPostgresCluster();
    ({ ownerUrl: url, appUrl, systemUrl } = await cluster.createHelptDatabase("helpt_test"));
  }
  if (!url) {
    const dir = join(ROOT, ".data", "test-vitest");
    rmSync(dir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres(dir);
    url = embedded.url;
  }
  await checkDatabase(url);
  await migrate(url);
  project.provide("databaseUrl", url);
  project.provide("appDatabaseUrl", appUrl);
  project.provide("systemDatabaseUrl", systemUrl);
  project.provide("embedded", !!embedded);
}

export async function teardown() {
  await embedded?.stop();
  await cluster?.stop();
}
