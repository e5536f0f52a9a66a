import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLAIMED_FOR_HEADER, clientAddress, invalidProxyEntries, withoutForwarded, withSiteOrigin } from "@/lib/http/forwarded";
import { parseEnv } from "@/lib/env";

// What proxy.ts hands on, then what a route handler or action reads: Next.js
// sets X-Forwarded-For to the socket peer once the client's copy is gone.
const downstream = (sent: Headers, peer: string) => {
  const h = withoutForwarded(sent);
  if (!h.has("x-forwarded-for")) h.set("x-forwarded-for", peer);
  return h;
};

const ipv4 = fc.ipV4();
const anyIp = fc.oneof(fc.ipV4(), fc.ipV6());
const forgedHeaders = fc.record(
  {
    "x-forwarded-for": fc.array(fc.oneof(anyIp, fc.constantFrom("unknown", "", " 1.2.3.4 ", "[::1]:80", "evil")), { minLength: 1, maxLength: 5 }).map((a) => a.join(",")),
    forwarded: fc.array(anyIp, { minLength: 1, maxLength: 3 }).map((a) => a.map((ip) => `for="${ip.includes(":") ? `[${ip}]` : ip}";proto=https;host=evil.example`).join(", ")),
    "x-real-ip": anyIp,
    "true-client-ip": anyIp,
    "x-forwarded-host": fc.domain(),
    "x-forwarded-proto": fc.constantFrom("https", "http", "javascript"),
    [CLAIMED_FOR_HEADER]: anyIp,
  },
  { requiredKeys: [] },
);

describe("client address (issue 12, items 0 and 3)", () => {
  it("without TRUSTED_PROXIES, is the socket peer whatever forwarded headers say", () => {
    fc.assert(
      fc.property(forgedHeaders, ipv4, (sent, peer) => {
        expect(clientAddress(downstream(new Headers(sent), peer))).toBe(peer);
        expect(clientAddress(downstream(new Headers(sent), `::ffff:${peer}`))).toBe(peer);
      }),
      { numRuns: 500 },
    );
  });

  it("from a peer that is not a trusted proxy, ignores what it forwards", () => {
    fc.assert(
      fc.property(forgedHeaders, ipv4, (sent, peer) => {
        fc.pre(!peer.startsWith("10."));
        expect(clientAddress(downstream(new Headers(sent), peer), "10.0.0.0/8")).toBe(peer);
      }),
      { numRuns: 300 },
    );
  });

  it("behind trusted proxies, is the nearest address they did not add", () => {
    fc.assert(
      fc.property(fc.array(anyIp, { maxLength: 3 }), ipv4, fc.array(fc.ipV4().map((ip) => `10.${ip.split(".").slice(1).join(".")}`), { maxLength: 3 }), (forged, client, hops) => {
        fc.pre(!client.startsWith("10."));
        // The client forged entries; our proxies (10/8, the last one the socket peer) appended the real client and each other.
        const chain = [...forged, client, ...hops].join(", ");
        const sent = new Headers({ "x-forwarded-for": chain });
        expect(clientAddress(downstream(sent, "10.0.0.1"), "10.0.0.0/8, 192.0.2.7")).toBe(client);
      }),
      { numRuns: 300 },
    );
  });

  it("never keeps a forwarded header, and gives Auth.js and Next.js the site's own host and scheme", () => {
    fc.assert(
      fc.property(forgedHeaders, (sent) => {
        const h = withSiteOrigin(withoutForwarded(new Headers(sent)), "https://leuven.helpt.be");
        for (const name of ["forwarded", "x-forwarded-for", "x-real-ip", "true-client-ip", "x-forwarded-port"]) expect(h.get(name)).toBeNull();
        expect(h.get("x-forwarded-host")).toBe("leuven.helpt.be");
        expect(h.get("x-forwarded-proto")).toBe("https");
      }),
      { numRuns: 300 },
    );
  });
});

describe("TRUSTED_PROXIES", () => {
  const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/helpt", AUTH_SECRET: "x".repeat(32) };
  it("accepts addresses and CIDR blocks, and defaults to none", () => {
    expect(parseEnv(valid).TRUSTED_PROXIES).toBe("");
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8,::1,fd00::/8" }).TRUSTED_PROXIES).toContain("10.0.0.0/8");
  });
  it("names what is not an address or block", () => {
    expect(invalidProxyEntries("10.0.0.0/33, caddy, 1.2.3.4, ::1/129")).toEqual(["10.0.0.0/33", "caddy", "::1/129"]);
    expect(() => parseEnv({ ...valid, TRUSTED_PROXIES: "*" })).toThrow(/TRUSTED_PROXIES: not an IP address or CIDR block: \*/);
  });
});
