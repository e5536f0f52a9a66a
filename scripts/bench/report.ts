// bench/results.json (everything measured) and bench/results.md (the same,
// for people, followed by bench/analysis.md: optimisations with their
// before/after figures, and why a missed target is missed).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../lib/run";
import type { Result, Settings, Side } from "./scenarios";

export type Report = {
  measuredAt: string;
  machine: Record<string, string | number>;
  settings: Settings;
  data: Record<string, string | number>;
  secondWall: string;
  scenarios: Result[];
};

const row = (s: Side) => {
  const f = s.figures;
  return `| ${s.label} | ${f.throughput} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.served} | ${f.errors} |`;
};

function scenario(r: Result): string {
  const failures = [r.subject, r.baseline].flatMap((s) => Object.entries(s.figures.failures).map(([why, n]) => `- ${s.label}: ${n}× ${why}`));
  return [
    `### ${r.id}. ${r.title}`,
    "",
    "| | throughput (/s) | p50 (ms) | p95 (ms) | p99 (ms) | checked OK | errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    row(r.subject),
    row(r.baseline),
    `| **ratio** (first / second) | **${r.ratio.throughput}** | **${r.ratio.p50}** | **${r.ratio.p95}** | **${r.ratio.p99}** | | |`,
    "",
    r.target ? `**Target: ${r.target.text}: ${r.target.met ? "met" : "MISSED"}.** ${r.target.detail}.` : "No target: reported to show how cost grows with size.",
    ...r.notes.map((n) => `\n${n}`),
    ...(failures.length ? ["", "Rejected responses:", ...failures] : []),
  ].join("\n");
}

export function markdown(report: Report, partial: boolean): string {
  const withTarget = report.scenarios.filter((r) => r.target);
  const analysis = join(ROOT, "bench/analysis.md");
  return [
    `# Benchmark results${partial ? " (partial run)" : ""}`,
    "",
    `Measured ${report.measuredAt} by \`npm run bench\` against a production build (\`next start\`) and PostgreSQL, with load from a separate process (autocannon). Every ratio compares two sides measured in turns (short slices, alternating) within this same run.`,
    "",
    "## Machine and settings",
    "",
    ...Object.entries({ ...report.machine, ...report.data }).map(([k, v]) => `- ${k}: ${v}`),
    `- second wall (row-level security): ${report.secondWall}`,
    `- HTTP scenarios: ${report.settings.connections} connections, ${report.settings.warmup} s warm-up then ${report.settings.seconds} s measured per side, in ${report.settings.rounds} turns; sign-up bursts: ${report.settings.burst} registrations, ${report.settings.burstConnections} at a time, after a warm-up burst`,
    "- Throughput counts only responses that passed their check (status and a marker in the body); latency percentiles cover every response.",
    "",
    "## Targets",
    "",
    "| scenario | target | result | detail |",
    "| --- | --- | --- | --- |",
    ...withTarget.map((r) => `| ${r.id} | ${r.target!.text} | ${r.target!.met ? "met" : "**missed**"} | ${r.target!.detail} |`),
    "",
    "## Scenarios",
    "",
    report.scenarios.map(scenario).join("\n\n"),
    "",
    existsSync(analysis) ? readFileSync(analysis, "utf8").trim() : "",
    "",
  ].join("\n");
}

export function write(report: Report, partial: boolean): string {
  const base = partial ? "bench/partial-results" : "bench/results";
  writeFileSync(join(ROOT, `${base}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(ROOT, `${base}.md`), markdown(report, partial));
  return `${base}.md`;
}
