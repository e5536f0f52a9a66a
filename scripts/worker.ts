// `npm run worker`: the background worker as its own process (production).
// `npm start` runs it alongside the app by itself.
import { parseEnv } from "../lib/env";
import { startWorker } from "../lib/jobs/worker";
import { logger } from "../lib/log/logger";

const env = parseEnv(process.env);
const stop = await startWorker(env.DATABASE_URL);
logger.info({ service: "worker" }, "worker running: e-mail outbox and scheduled jobs");
const shutdown = async () => {
  await stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
