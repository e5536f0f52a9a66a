import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { checkDatabase, migrate } from "../../scripts/lib/database";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { ROOT } from "../../scripts/lib/run";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embedded: boolean;
  }
}

// Integration tests run against real PostgreSQL: TEST_DATABASE_URL when set
// (CI), otherwise a fresh embedded one. Migrations go through the Prisma CLI.
let embedded: EmbeddedPostgres | undefined;

export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dir = join(ROOT, ".data", "test-vitest");
    rmSync(dir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres(dir);
    url = embedded.url;
  }
  await checkDatabase(url);
  await migrate(url);
  project.provide("databaseUrl", url);
  project.provide("embedded", !!embedded);
}

export async function teardown() {
  await embedded?.stop();
}
