import path from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";

// The rules live in .dependency-cruiser.cjs: no cycles between lib/ folders or
// between files, no database client in app/ or components/, no server-only
// module in components/. Run by hand: npx depcruise --config .dependency-cruiser.cjs lib app components emails i18n

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURE = path.join(ROOT, "tests/unit/fixtures/dependency-rules");

async function violations(baseDir: string, roots: string[]): Promise<string[]> {
  const options = await extractDepcruiseOptions(path.join(ROOT, ".dependency-cruiser.cjs"));
  const tsConfig = extractTSConfig(path.join(ROOT, "tsconfig.json"));
  // The resolver reads `tsConfig` (a path) for the "@/" alias; the published types spell it differently.
  const resolveOptions = { tsConfig: path.join(ROOT, "tsconfig.json") } as Parameters<typeof cruise>[2];
  const result = await cruise(roots, { ...options, baseDir, validate: true }, resolveOptions, { tsConfig });
  const { summary } = result.output as ICruiseResult;
  return summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe("dependency rules", () => {
  it("hold for the application", async () => {
    expect(await violations(ROOT, ["lib", "app", "components", "emails", "i18n", "proxy.ts"])).toEqual([]);
  }, 60_000);

  it("fail on a tree that breaks each of them", async () => {
    const found = await violations(FIXTURE, ["lib", "app", "components"]);
    expect(found).toEqual(
      expect.arrayContaining([
        "no-database-client-in-app: app/shop/page.ts → lib/db/client.ts",
        "no-server-only-in-components: components/cart.ts → lib/auth/session.ts",
        expect.stringMatching(/^no-file-cycles: lib\/render\/(layout|page)\.ts → lib\/render\/(layout|page)\.ts$/),
        expect.stringMatching(/^no-folder-cycles: lib\/(billing|orders) → lib\/(billing|orders)$/),
      ]),
    );
    // Nothing else in the fixture breaks a rule: each violation above is the one planted.
    expect(found.every((v) => /^no-(database-client-in-app|server-only-in-components|file-cycles|folder-cycles): (app\/shop|components\/cart|lib\/render|lib\/billing|lib\/orders)/.test(v))).toBe(true);
  }, 60_000);
});
