import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./run";

// What a production build depends on: a newer file here means .next is stale.
const BUILD_INPUTS = ["app", "components", "lib", "emails", "i18n", "messages", "proxy.ts", "next.config.ts", "package-lock.json", "prisma/schema.prisma"];

function newestMtime(path: string): number {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(full).map((f) => newestMtime(join(path, f))));
}

/** True when there is no production build or a source changed after it. */
export function needsBuild(): boolean {
  const buildId = join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((p) => newestMtime(p) > built);
}

/** Polls a URL until it answers 2xx, or gives up after `timeoutMs`. */
export async function waitForHealth(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The server did not become healthy at ${url} within ${timeoutMs / 1000} s.`);
}
