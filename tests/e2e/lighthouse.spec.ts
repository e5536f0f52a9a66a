import { expect, test } from "@playwright/test";
import { lighthouseScores } from "../../scripts/lib/lighthouse";
import { town } from "./helpers/site";

// The resident pages stay light for old phones: Lighthouse's mobile profile
// (simulated throttling) against the production build that the end-to-end
// launcher serves. Byte budgets are what these pages weighed before the
// visual finish (November 2026: 195, 244, 191 and 191 KiB with link
// prefetching), so a hero image, a font or a new library must pay for itself;
// the request form's grew by the structured "when" fields (2 KiB).
// Performance is reported, not yet asserted: on these 2-core machines it
// scores 81–88 where issue 17 asks 95 — open work, not a passed check.

const KIB = 1024;
const PAGES = [
  { path: "/", budget: 195 * KIB },
  { path: "/request", budget: 248 * KIB },
  { path: "/request/thanks", budget: 191 * KIB },
  { path: "/requests", budget: 191 * KIB },
];

test("resident pages: Lighthouse accessibility 100, within their byte budgets (performance reported)", async () => {
  test.setTimeout(300_000);
  const run = await lighthouseScores(PAGES.map((p) => town("leuven", p.path)));
  const report = [
    `machine: BenchmarkIndex ${run.benchmarkIndex}, CPU slowdown ${run.cpuSlowdown}x`,
    ...run.scores.map((s) => `${new URL(s.url).pathname}: performance ${s.performance}, accessibility ${s.accessibility}, ${(s.bytes / KIB).toFixed(1)} KiB`),
  ];
  console.log(`Lighthouse (mobile):\n  ${report.join("\n  ")}`);
  test.info().annotations.push(...report.map((description) => ({ type: "lighthouse", description })));
  for (const [i, s] of run.scores.entries()) {
    expect.soft(s.accessibility, `${s.url} accessibility (failing: ${s.failing.join(", ")})`).toBe(100);
    expect.soft(s.bytes, `${s.url} bytes transferred`).toBeLessThanOrEqual(PAGES[i].budget);
  }
});
