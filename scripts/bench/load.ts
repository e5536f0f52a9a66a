// HTTP load from this process (never the server's): autocannon, with every
// response checked, so an error page can never count as a fast page.
import autocannon from "autocannon";
import { ended, fail, type Sample } from "./stats";

/** Returns null when the response is the page we asked for, or why it is not. */
export type Check = (status: number, body: string, headers: Record<string, string>) => string | null;

export type Target = {
  port: number;
  path: string;
  host: string; // the Host header: `<slug>.localhost:<port>` for a town, `localhost:<port>` for the apex
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  check: Check;
  /** Per-request headers and body (request i of the run), e.g. one registration per request. */
  vary?: (i: number) => { headers: Record<string, string>; body: Buffer };
};

type Plan = { connections: number } & ({ seconds: number } | { amount: number });

/** Runs one load phase; only responses that pass the check count as served. */
export async function load(target: Target, plan: Plan): Promise<Sample> {
  const sample: Sample = { ok: 0, seconds: 0, latencies: [], failures: new Map() };
  let next = 0;
  // autocannon notices that a fixed amount is done only at its next one-second
  // tick: a burst's time runs to its last response, not to that tick.
  let lastResponse = 0;

  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => autocannon({
    url: `http://127.0.0.1:${target.port}`,
    connections: plan.connections,
    ...("seconds" in plan ? { duration: plan.seconds } : { amount: plan.amount }),
    timeout: 30,
    requests: [{
      method: target.method ?? "GET",
      path: target.path,
      headers: { host: target.host, ...target.headers },
      setupRequest: (req) => {
        if (!target.vary) return req;
        const v = target.vary(next++);
        return { ...req, headers: { ...req.headers, ...v.headers }, body: v.body };
      },
      onResponse: (status, body, _context, headers) => {
        const why = target.check(status, body ?? "", (headers ?? {}) as Record<string, string>);
        if (why) fail(sample, why);
        else sample.ok++;
      },
    }],
  }, (error, r) => (error ? reject(error) : resolve(r)))
    .on("response", (_client, _status, _bytes, responseTime) => {
      sample.latencies.push(responseTime);
      lastResponse = performance.now();
    }));
  sample.seconds = (("amount" in plan && lastResponse ? lastResponse : performance.now()) - started) / 1000;
  if (result.errors) fail(sample, "connection error or timeout", result.errors);
  return ended(sample);
}

/** A check for an HTML page: status 200 and every marker present in the body. */
export function page(...markers: (string | RegExp)[]): Check {
  return (status, body) => {
    if (status !== 200) return `status ${status}`;
    const missing = markers.find((m) => (typeof m === "string" ? !body.includes(m) : !m.test(body)));
    return missing ? `marker ${String(missing)} missing` : null;
  };
}
