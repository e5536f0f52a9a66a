import { loadavg } from "node:os";

/** The raw outcome of one measured phase; `load`: the machine's 1-minute load average when it ended. */
export type Sample = { ok: number; seconds: number; latencies: number[]; failures: Map<string, number>; load?: number };

/** Marks a finished phase with the machine's load average (reported per slice in results.json). */
export function ended(sample: Sample): Sample {
  sample.load = Math.round(loadavg()[0] * 100) / 100;
  return sample;
}

/** What a side of a scenario produced: only checked responses (or stored rows) count as served. */
export type Figures = {
  served: number;
  errors: number;
  seconds: number;
  throughput: number; // served per second
  p50: number; // latency, ms
  p95: number;
  p99: number;
  failures: Record<string, number>; // why responses were rejected, with counts
  slices: { served: number; seconds: number; load: number | null }[]; // each measured phase, with the load average at its end
};

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of a sorted list. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function fail(sample: Sample, why: string, count = 1): void {
  sample.failures.set(why, (sample.failures.get(why) ?? 0) + count);
}

/** The figures of one or more phases of the same side, taken together. */
export function figures(...samples: Sample[]): Figures {
  const ok = samples.reduce((n, s) => n + s.ok, 0);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  const sorted = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const failures: Record<string, number> = {};
  for (const s of samples) for (const [why, n] of s.failures) failures[why] = (failures[why] ?? 0) + n;
  return {
    served: ok, errors: Object.values(failures).reduce((a, b) => a + b, 0), seconds: round(seconds, 2), throughput: round(ok / seconds),
    p50: round(percentile(sorted, 50), 2), p95: round(percentile(sorted, 95), 2), p99: round(percentile(sorted, 99), 2), failures,
    slices: samples.map((s) => ({ served: s.ok, seconds: round(s.seconds, 2), load: s.load ?? null })),
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
