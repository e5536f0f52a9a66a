import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readActionIds } from "@/lib/abuse/action-ids";
import { isOversizedFormPost, largeFormPost, MAX_FORM_POST_BYTES, MAX_IMPORT_POST_BYTES } from "@/lib/abuse/oversized";
import { MAX_IMPORT_BYTES } from "@/lib/imports/limits";

const h = (length?: number) => new Headers(length === undefined ? {} : { "content-length": String(length) });

describe("form posts over their page's body limit", () => {
  it.each([
    ["at the limit", "POST", "/request", MAX_FORM_POST_BYTES, false],
    ["one byte over", "POST", "/request", MAX_FORM_POST_BYTES + 1, true],
    ["no length", "POST", "/request", undefined, false],
    ["a webhook", "POST", "/api/stripe/webhook", MAX_FORM_POST_BYTES * 2, false],
    ["a page view", "GET", "/request", MAX_FORM_POST_BYTES * 2, false],
    ["the import page, a large list", "POST", "/staff/volunteers/import", MAX_IMPORT_POST_BYTES, false],
    ["a preview's page, a large list", "POST", "/staff/volunteers/import/cmabc123", MAX_IMPORT_POST_BYTES, false],
    ["the import page, over its limit", "POST", "/staff/volunteers/import", MAX_IMPORT_POST_BYTES + 1, true],
    ["a preview's progress (no form)", "POST", "/staff/volunteers/import/cmabc123/status", MAX_FORM_POST_BYTES + 1, true],
    ["the volunteers list", "POST", "/staff/volunteers", MAX_FORM_POST_BYTES + 1, true],
  ])("%s", (_name, method, path, length, refused) => {
    expect(isOversizedFormPost(method, path, h(length))).toBe(refused);
  });

  it("allows more only on the import's pages, whatever else a path says", () => {
    fc.assert(fc.property(fc.webPath(), (path) => {
      const large = largeFormPost(path);
      if (large) expect(path).toMatch(/^\/staff\/volunteers\/import(\/[\w-]+)?$/);
      expect(largeFormPost(`/t/leuven${path}`)).toBeNull(); // the internal tree never (the proxy refuses it anyway)
    }), { seed: 19, numRuns: 200 });
    expect(largeFormPost("/staff/volunteers/import/../../request")).toBeNull();
    expect(largeFormPost("/staff/volunteers/import/")).toBeNull();
  });

  it("leaves the upload's form room beside the file itself", () => {
    expect(MAX_IMPORT_BYTES).toBeLessThanOrEqual(MAX_IMPORT_POST_BYTES - 64 * 1024);
    expect(MAX_IMPORT_BYTES).toBeGreaterThan(MAX_FORM_POST_BYTES * 5);
  });
});

describe("a build's action ids", () => {
  it("are read from its manifest by module and export; a missing or broken manifest names none", () => {
    const dir = mkdtempSync(join(tmpdir(), "helpt-manifest-"));
    const good = join(dir, "good.json");
    const broken = join(dir, "broken.json");
    writeFileSync(good, JSON.stringify({ node: {
      "40aa": { workers: {}, filename: "lib/imports/actions.ts", exportedName: "previewImportAction" },
      "40bb": { workers: {}, filename: "lib/bulk/actions.ts", exportedName: "messageVolunteersAction" },
      "40cc": { workers: {} },
    }, edge: {} }));
    writeFileSync(broken, "{ not json");
    const ids = readActionIds([join(dir, "missing.json"), broken, good]);
    expect(ids.get("lib/imports/actions.ts#previewImportAction")).toBe("40aa");
    expect(ids.get("lib/bulk/actions.ts#messageVolunteersAction")).toBe("40bb");
    expect(ids.size).toBe(2);
    expect(readActionIds([join(dir, "missing.json"), broken]).size).toBe(0);
  });
});
