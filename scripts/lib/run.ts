import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const BINS = {
  prisma: ["node_modules/prisma/build/index.js"],
  next: ["node_modules/next/dist/bin/next"],
  worker: ["--import", "tsx", "scripts/worker.ts"],
  seedScale: ["--import", "tsx", "scripts/seed-scale.ts"],
} as const;

/** Starts one of the project's CLIs with this Node binary. */
export function startCli(cli: keyof typeof BINS, args: string[], env: NodeJS.ProcessEnv, quiet = false): ChildProcess {
  return spawn(process.execPath, [...BINS[cli], ...args], {
    cwd: ROOT,
    env,
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
  });
}

/** Runs a CLI to completion; resolves with its output, rejects with it on failure. */
export function runCli(cli: keyof typeof BINS, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = startCli(cli, args, env, true);
    let out = "";
    child.stdout?.on("data", (d) => (out += d));
    child.stderr?.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(out.trim() || `${cli} exited with ${code}`))));
  });
}
