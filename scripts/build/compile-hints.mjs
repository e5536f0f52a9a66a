// After `next build`: marks the framework's chunks, which every page loads
// and runs at once (React, the router, Turbopack's runtime), with V8's
// explicit compile hint. Chrome (136 and later) then compiles all of their
// functions while the file downloads, on a background thread, instead of one
// function at a time on the main thread as each module first runs: on a slow
// phone that main-thread compiling was most of the page's blocking time
// (Lighthouse at a 4x slowdown: total blocking time 700–1,200 ms without,
// 90–400 ms with, measured in turns; tests/e2e/lighthouse.spec.ts). Other browsers
// read a comment. https://v8.dev/blog/explicit-compile-hints
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const HINT = "//# allFunctionsCalledOnLoad\n";

/** Adds the hint to the root chunks that `next build` wrote into `nextDir` (once; safe to run again). */
export function addCompileHints(nextDir) {
  const manifest = join(nextDir, "build-manifest.json");
  if (!existsSync(manifest)) throw new Error(`No ${manifest}: run \`next build\` first.`);
  const { rootMainFiles } = JSON.parse(readFileSync(manifest, "utf8"));
  for (const file of rootMainFiles) {
    const path = join(nextDir, file);
    const code = readFileSync(path, "utf8");
    if (!code.startsWith(HINT)) writeFileSync(path, HINT + code);
  }
  return rootMainFiles.length;
}
