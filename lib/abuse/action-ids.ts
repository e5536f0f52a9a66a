import { readFileSync } from "node:fs";
import { join } from "node:path";

// A server action's id is a hash salted with the build's own key: known only
// from the build's manifest, which maps each id to its module and export.
// `next start` and the standalone server both run from the folder that holds
// `.next`; `next dev` writes its manifest under `.next/dev`.

type Manifest = { node?: Record<string, { filename?: string; exportedName?: string }> };

const MANIFESTS = [".next/server/server-reference-manifest.json", ".next/dev/server/server-reference-manifest.json"];

/** "module#export" → id, from the given manifest; empty when it cannot be read (then nothing is allowed by id). */
export function readActionIds(files: string[]): Map<string, string> {
  for (const file of files) {
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    } catch {
      continue;
    }
    return new Map(Object.entries(manifest.node ?? {}).flatMap(([id, e]) => (e.filename && e.exportedName ? [[`${e.filename}#${e.exportedName}`, id] as const] : [])));
  }
  return new Map();
}

let built: Map<string, string> | null = null;

/** The id this build gave an action ("lib/imports/actions.ts#previewImportAction"), or null; read again only while it is missing (`next dev` compiles pages as they are asked for). */
export function builtActionId(action: string): string | null {
  if (!built?.has(action)) built = readActionIds(MANIFESTS.map((f) => join(process.cwd(), f)));
  return built.get(action) ?? null;
}
