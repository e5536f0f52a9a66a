/**
 * The CPU slowdown that makes this machine behave like the phone Lighthouse's
 * mobile profile emulates, from Lighthouse's benchmark of it (BenchmarkIndex).
 * Lighthouse's default 4x assumes a fast desktop; on a slower or busy machine
 * it would emulate a phone several times slower than intended. The mapping is
 * Lighthouse's own calibration (https://lighthouse-cpu-throttling-calculator.vercel.app/,
 * linked from Lighthouse's docs/throttling.md and used for PageSpeed Insights):
 * 150 → 1x, 800 → 2x, 1300 → 3x, then one step per 233 (1533 → 4x, 2000 → 6x).
 * Below 150 the machine is slower than the phone and no slowdown is applied.
 */
export function cpuSlowdownFor(benchmarkIndex: number): number {
  const slowdown =
    benchmarkIndex >= 1300 ? 3 + (benchmarkIndex - 1300) / 233
    : benchmarkIndex >= 800 ? 2 + (benchmarkIndex - 800) / 500
    : 1 + (benchmarkIndex - 150) / 650;
  return Math.max(1, Math.round(slowdown * 100) / 100);
}
