import { describe, expect, it } from "vitest";
import { runCli } from "../../scripts/lib/run";

// `npm run db:drift` as a test: the migrations, applied to a shadow database
// (created by the owner, who may create databases), give exactly the schema in
// prisma/schema.prisma. Exit code 2 and the missing SQL when they do not.
describe("migrations", () => {
  it("match prisma/schema.prisma (no drift)", async () => {
    const args = ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"];
    const output = await runCli("prisma", args, process.env).catch((error: Error) => `DRIFT\n${error.message}`);
    expect(output).not.toMatch(/^DRIFT/);
    expect(output).toMatch(/No difference detected|empty migration/i);
  }, 120_000);
});
