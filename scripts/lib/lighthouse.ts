import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export type PageScore = { url: string; performance: number; accessibility: number; bytes: number; failing: string[] };
export type LighthouseRun = {
  scores: PageScore[];
  /** Lighthouse's CPU benchmark of this machine (a mid-range desktop scores about 1,000 or more). */
  benchmarkIndex: number;
  /** The CPU slowdown used: Lighthouse's default 4, less on a slower or busy machine (see below). */
  cpuSlowdown: number;
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
/** Lighthouse's default CPU slowdown, calibrated for a desktop emulating a low-tier phone. */
const DEFAULT_SLOWDOWN = 4;
/** BenchmarkIndex of that low-tier phone (a Moto G Power class device, as Chrome DevTools' CPU calibration uses). */
const TARGET_PHONE_INDEX = 264;

/**
 * Lighthouse's mobile profile (a low-tier phone on slow 4G, simulated
 * throttling) for each URL, in one headless Chromium. Simulated throttling
 * multiplies the CPU time it observes; on a busy or slow machine the default
 * 4x would emulate a phone several times slower than the intended one, so the
 * slowdown follows Lighthouse's own benchmark of this machine (measured on a
 * warm-up run of the first URL), never above the default.
 */
export async function lighthouseScores(urls: string[]): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const run = async (url: string, cpuSlowdownMultiplier: number) => {
    // Flags merge into the default mobile settings: only the CPU slowdown changes.
    const flags = { port: chrome.port, output: "json" as const, logLevel: "error" as const, onlyCategories: ["performance", "accessibility"], throttling: { cpuSlowdownMultiplier } };
    const result = await lighthouse(url, flags as Parameters<typeof lighthouse>[1]);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return result.lhr;
  };
  try {
    const warmUp = await run(urls[0], DEFAULT_SLOWDOWN);
    const benchmarkIndex = warmUp.environment.benchmarkIndex;
    const cpuSlowdown = Math.max(1, Math.min(DEFAULT_SLOWDOWN, Math.round((benchmarkIndex / TARGET_PHONE_INDEX) * 10) / 10));
    const scores: PageScore[] = [];
    for (const url of urls) {
      const { categories, audits } = await run(url, cpuSlowdown);
      scores.push({
        url,
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        bytes: Number(audits["total-byte-weight"]?.numericValue ?? 0),
        failing: Object.values(audits).filter((a) => a.scoreDisplayMode === "binary" && a.score === 0).map((a) => a.id),
      });
    }
    return { scores, benchmarkIndex, cpuSlowdown };
  } finally {
    chrome.kill();
  }
}
