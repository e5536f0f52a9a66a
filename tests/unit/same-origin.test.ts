import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrossSiteFormPost } from "@/lib/abuse/same-origin";

const h = (entries: Record<string, string>) => new Headers(entries);
const LEUVEN = "http://leuven.localhost:3000";

describe("form posts accepted only from their own site", () => {
  it.each([
    ["same town", "POST", "/request", LEUVEN, { origin: "http://leuven.localhost:3000" }, false],
    ["custom domain", "POST", "/request", "https://helpt.leuven.be", { origin: "https://helpt.leuven.be" }, false],
    ["another town", "POST", "/request", LEUVEN, { origin: "http://gent.localhost:3000" }, true],
    ["the apex posting to a town", "POST", "/staff", LEUVEN, { origin: "http://localhost:3000" }, true],
    ["another port", "POST", "/request", LEUVEN, { origin: "http://leuven.localhost:4000" }, true],
    ["https against the http site", "POST", "/request", LEUVEN, { origin: "https://leuven.localhost:3000" }, true],
    ["http against the https site", "POST", "/request", "https://helpt.leuven.be", { origin: "http://helpt.leuven.be" }, true],
    ["a third party", "POST", "/request", LEUVEN, { origin: "https://evil.example" }, true],
    ["no origin", "POST", "/request", LEUVEN, {}, true],
    ["opaque origin", "POST", "/request", LEUVEN, { origin: "null" }, true],
    ["a host that names no site", "POST", "/request", null, { origin: LEUVEN }, true],
    ["a webhook", "POST", "/api/stripe/webhook", "http://localhost:3000", {}, false],
    ["a page view", "GET", "/request", LEUVEN, { origin: "https://evil.example" }, false],
  ])("%s", (_name, method, path, site, headers, refused) => {
    expect(isCrossSiteFormPost(method, path, h(headers), site)).toBe(refused);
  });

  it("refuses every origin that differs from the site's in scheme, host or port", () => {
    const origin = fc.record({
      scheme: fc.constantFrom("http", "https"),
      host: fc.constantFrom("leuven.localhost", "gent.localhost", "localhost", "leuven.localhost.evil.example", "evil.example"),
      port: fc.constantFrom("", ":3000", ":443", ":80", ":4000"),
    });
    fc.assert(
      fc.property(origin, origin, (site, sent) => {
        const siteOrigin = `${site.scheme}://${site.host}${site.port}`;
        const sentOrigin = `${sent.scheme}://${sent.host}${sent.port}`;
        const same = new URL(siteOrigin).origin === new URL(sentOrigin).origin;
        expect(isCrossSiteFormPost("POST", "/request", h({ origin: sentOrigin }), siteOrigin)).toBe(!same);
      }),
      { numRuns: 400 },
    );
  });
});
