/** What one measured phase produced: only checked responses (or committed rows) count as served. */
export type Figures = {
  served: number;
  errors: number;
  seconds: number;
  throughput: number; // served per second
  p50: number; // latency, ms
  p95: number;
  p99: number;
  failures: Record<string, number>; // why responses were rejected, with counts
};

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of a sorted list. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function figures(input: { ok: number; seconds: number; latencies: number[]; failures: Map<string, number> }): Figures {
  const sorted = [...input.latencies].sort((a, b) => a - b);
  const errors = [...input.failures.values()].reduce((a, b) => a + b, 0);
  return {
    served: input.ok, errors, seconds: round(input.seconds, 2), throughput: round(input.ok / input.seconds),
    p50: round(percentile(sorted, 50), 2), p95: round(percentile(sorted, 95), 2), p99: round(percentile(sorted, 99), 2),
    failures: Object.fromEntries(input.failures),
  };
}

/** Subject divided by baseline, for throughput and each latency percentile. */
export function ratio(subject: Figures, baseline: Figures) {
  const r = (a: number, b: number) => (b > 0 ? round(a / b, 2) : NaN);
  return {
    throughput: r(subject.throughput, baseline.throughput),
    p50: r(subject.p50, baseline.p50), p95: r(subject.p95, baseline.p95), p99: r(subject.p99, baseline.p99),
  };
}
export type Ratio = ReturnType<typeof ratio>;
