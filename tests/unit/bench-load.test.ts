import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load } from "@/scripts/bench/load";

// A burst's throughput is its requests over its own time. autocannon reports a
// fixed amount as done only at its next one-second tick, which made every
// burst last 1, 2, 3… s and scenario 3's ratio one of 50%, 67%, 100%.

const server = createServer((_req, res) => setTimeout(() => res.end("ok"), 20));
let port = 0;
beforeAll(() => new Promise<void>((ready) => server.listen(0, "127.0.0.1", () => {
  port = (server.address() as AddressInfo).port;
  ready();
})));
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe("bench load", () => {
  it("times a burst to its last response, not to autocannon's next tick", async () => {
    const sample = await load({ port, host: "localhost", path: "/", check: (status) => (status === 200 ? null : `status ${status}`) }, { connections: 5, amount: 25 });
    expect(sample.ok).toBe(25);
    // 5 rounds of 5 requests at ~20 ms each: about 0.1 s, far from a whole second.
    expect(sample.seconds).toBeGreaterThan(0.08);
    expect(sample.seconds).toBeLessThan(0.8);
  });
});
