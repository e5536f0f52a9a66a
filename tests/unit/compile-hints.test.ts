import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { addCompileHints } from "../../scripts/build/compile-hints.mjs";

const HINT = "//# allFunctionsCalledOnLoad\n";
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A `.next` folder as `next build` leaves it: a manifest naming the root chunks, and chunks. */
function build(chunks: Record<string, string>, rootMainFiles: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "compile-hints-"));
  dirs.push(dir);
  mkdirSync(join(dir, "static/chunks"), { recursive: true });
  writeFileSync(join(dir, "build-manifest.json"), JSON.stringify({ rootMainFiles: rootMainFiles.map((f) => `static/chunks/${f}`) }));
  for (const [name, code] of Object.entries(chunks)) writeFileSync(join(dir, "static/chunks", name), code);
  return { dir, read: (name: string) => readFileSync(join(dir, "static/chunks", name), "utf8") };
}

describe("compile hints on the framework's chunks", () => {
  it("marks the root chunks once, however often the build step runs, and leaves the others alone", () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.integer({ min: 1, max: 3 }), (framework, page, runs) => {
      const { dir, read } = build({ "framework.js": framework, "page.js": page }, ["framework.js"]);
      for (let i = 0; i < runs; i++) expect(addCompileHints(dir)).toBe(1);
      expect(read("framework.js")).toBe(HINT + framework);
      expect(read("page.js")).toBe(page);
    }), { numRuns: 30 });
  });

  it("refuses a folder without a build", () => {
    const dir = mkdtempSync(join(tmpdir(), "compile-hints-"));
    dirs.push(dir);
    expect(() => addCompileHints(dir)).toThrow(/next build/);
  });
});
