import { expect, test } from "@playwright/test";
import { lighthouseScores } from "../../scripts/lib/lighthouse";
import { town } from "./helpers/site";

// The resident pages stay light for old phones: Lighthouse's mobile profile
// (simulated throttling, its default) against the production build that the
// end-to-end launcher serves. Byte budgets are what these pages weighed
// before the visual finish (November 2026), so a hero image, a font or a new
// library has to pay for itself.

const KIB = 1024;
const PAGES = [
  { path: "/", budget: 195 * KIB },
  { path: "/request", budget: 244 * KIB },
  { path: "/request/thanks", budget: 191 * KIB },
  { path: "/requests", budget: 191 * KIB },
];

test("resident pages: Lighthouse performance ≥ 95, accessibility 100, within their byte budgets", async () => {
  test.setTimeout(240_000);
  const scores = await lighthouseScores(PAGES.map((p) => town("leuven", p.path)));
  const report = scores.map((s) => `${new URL(s.url).pathname}: performance ${s.performance}, accessibility ${s.accessibility}, ${(s.bytes / KIB).toFixed(1)} KiB`);
  console.log(`Lighthouse (mobile):\n  ${report.join("\n  ")}`);
  test.info().annotations.push(...report.map((description) => ({ type: "lighthouse", description })));
  for (const [i, s] of scores.entries()) {
    expect.soft(s.performance, `${s.url} performance`).toBeGreaterThanOrEqual(95);
    expect.soft(s.accessibility, `${s.url} accessibility (failing: ${s.failing.join(", ")})`).toBe(100);
    expect.soft(s.bytes, `${s.url} bytes transferred`).toBeLessThanOrEqual(PAGES[i].budget);
  }
});
