// The production app under test: built when stale, started with `next start`
import { appendFileSync } from "node:fs";
// in its own process, stopped at the end.
import { randomBytes } from "node:crypto";
import { needsBuild, waitForHealth } from "../lib/build";
import { freePort, isPortFree } from "../lib/ports";
import { runCli, startCli } from "../lib/run";

export type Server = { port: number; stop: () => Promise<void> };

export async function buildIfStale(log: (m: string) => void): Promise<void> {
  if (!needsBuild()) return;
  log("building the production app (changed sources; a minute or two)…");
  await runCli("next", ["build"], { ...process.env, NODE_ENV: "production" as const });
}

/** Starts `next start` on `port` (or a free one) with the owner's database URL and the given settings (DATABASE_APP_URL, …). */
export async function startServer(databaseUrl: string, extraEnv: Record<string, string>, port?: number): Promise<Server> {
  const listen = port ?? (await freePort());
  if (!(await isPortFree(listen))) throw new Error(`Port ${listen} is in use; set BENCH_PORT to a free one.`);
  const env = {
    ...process.env, NODE_ENV: "production" as const, DATABASE_URL: databaseUrl, PORT: String(listen), ROOT_DOMAIN: "localhost",
    AUTH_SECRET: randomBytes(32).toString("base64url"), HELPT_DEMO: "1" as const, HELPT_BENCH: "1" as const, // the bench routes (app/bench); the demo's configuration: no e-mail provider
    // The load generator stands for many clients behind a proxy on loopback: their X-Forwarded-For counts.
    TRUSTED_PROXIES: "127.0.0.1,::1", ...extraEnv,
  };
  const child = startCli("next", ["start", "-p", String(listen)], env, true);
  let output = "";
  // BENCH_SERVER_LOG=<file> keeps everything the server printed (its errors under load), not only the last lines.
  const keep = (d: Buffer) => {
    output = (output + d).slice(-4000);
    if (process.env.BENCH_SERVER_LOG) appendFileSync(process.env.BENCH_SERVER_LOG, d);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await Promise.race([
      waitForHealth(`http://127.0.0.1:${listen}/api/health`, 60_000),
      exited.then(() => { throw new Error(`the server exited:\n${output}`); }),
    ]);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  return {
    port: listen,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
