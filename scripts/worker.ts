// The background worker as its own process: `npm run worker` (tsx) or, built,
// `node dist/worker.mjs` (production). `npm start` runs one alongside the demo.
// First: NODE_ENV before anything loads React (see production-default.ts).
import "./lib/production-default";
import { configurationProblems, parseEnv } from "../lib/env";
import { startWorker } from "../lib/jobs/worker";
import { logger } from "../lib/log/logger";

// Production (no development mailbox, required secrets) unless the demo
// launcher says HELPT_DEMO=1.
const problems = configurationProblems(process.env);
if (problems.length > 0) {
  for (const problem of problems) console.error(`[worker] Configuration error: ${problem}`);
  process.exit(1);
}
const env = parseEnv(process.env);
const stop = await startWorker(env.DATABASE_URL);
logger.info({ service: "worker" }, "worker running: e-mail outbox and scheduled jobs");
const shutdown = async () => {
  await stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
