import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { cpuSlowdownFor } from "./cpu-slowdown";

export type PageScore = {
  url: string;
  /** The median of the runs' performance scores. */
  performance: number;
  /** Every run's performance score, in order. */
  performanceRuns: number[];
  /** From the first round (axe's verdict does not vary with the machine's load). */
  accessibility: number;
  /** The most any run transferred. */
  bytes: number;
  /** The median run's metrics (milliseconds; layout shift unitless), for the report. */
  metrics: Record<"fcp" | "lcp" | "tbt" | "cls" | "si", number>;
  failing: string[];
  /** The median run's full report (Lighthouse's JSON), to attach when a page falls short. */
  report: string;
};
export type LighthouseRun = {
  scores: PageScore[];
  /** Lighthouse's CPU benchmark of this machine, the lowest seen (a mid-range desktop scores about 1,500). */
  benchmarkIndex: number;
  /** The CPU slowdowns used, one per round (see cpuSlowdownFor). */
  cpuSlowdowns: number[];
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Lighthouse's mobile profile (a low-tier phone on slow 4G, simulated
 * throttling) for each URL, in one headless Chromium, `rounds` times over all
 * URLs. One run's performance score swings by a few points on a shared
 * machine, so a page scores the median of its runs, as Lighthouse's
 * docs/variability.md advises; rounds go over every URL in turn, so a burst
 * of load elsewhere falls on different pages rather than on one page's runs.
 * The CPU slowdown of each round follows Lighthouse's benchmark of the
 * machine in the previous run (a warm-up run of the first URL before the
 * first round), so each run emulates the same phone however busy the machine.
 */
export async function lighthouseScores(urls: string[], rounds: number): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const run = async (url: string, cpuSlowdownMultiplier: number, categories = ["performance"]) => {
    // Flags merge into the default mobile settings: only the CPU slowdown changes.
    const flags = { port: chrome.port, output: "json" as const, logLevel: "error" as const, onlyCategories: categories, throttling: { cpuSlowdownMultiplier } };
    const result = await lighthouse(url, flags as Parameters<typeof lighthouse>[1]);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return result.lhr;
  };
  try {
    let benchmarkIndex = (await run(urls[0], 4)).environment.benchmarkIndex;
    let lowestIndex = benchmarkIndex;
    const cpuSlowdowns: number[] = [];
    const runs = urls.map(() => [] as Awaited<ReturnType<typeof run>>[]);
    for (let round = 0; round < rounds; round++) {
      const slowdown = cpuSlowdownFor(benchmarkIndex);
      cpuSlowdowns.push(slowdown);
      for (const [i, url] of urls.entries()) {
        const lhr = await run(url, slowdown, round === 0 ? ["performance", "accessibility"] : ["performance"]);
        runs[i].push(lhr);
        benchmarkIndex = lhr.environment.benchmarkIndex;
        lowestIndex = Math.min(lowestIndex, benchmarkIndex);
      }
    }
    const scores = runs.map((lhrs, i): PageScore => {
      const performanceRuns = lhrs.map((l) => Math.round((l.categories.performance?.score ?? 0) * 100));
      const middle = lhrs[performanceRuns.indexOf(median(performanceRuns))];
      const metric = (id: string) => Math.round(Number(middle.audits[id]?.numericValue ?? NaN) * 1000) / 1000;
      return {
        url: urls[i],
        performance: median(performanceRuns),
        performanceRuns,
        accessibility: Math.round((lhrs[0].categories.accessibility?.score ?? 0) * 100),
        bytes: Math.max(...lhrs.map((l) => Number(l.audits["total-byte-weight"]?.numericValue ?? 0))),
        metrics: {
          fcp: metric("first-contentful-paint"), lcp: metric("largest-contentful-paint"), tbt: metric("total-blocking-time"),
          cls: metric("cumulative-layout-shift"), si: metric("speed-index"),
        },
        report: JSON.stringify(middle),
        failing: Object.values(lhrs[0].audits).filter((a) => a.scoreDisplayMode === "binary" && a.score === 0).map((a) => a.id),
      };
    });
    return { scores, benchmarkIndex: lowestIndex, cpuSlowdowns };
  } finally {
    chrome.kill();
  }
}
