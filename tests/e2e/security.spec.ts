import { expect, test } from "@playwright/test";
import { apex, town, townHost } from "./helpers/site";

test.describe("security headers", () => {
  const pages: [string, string, Record<string, string>][] = [
    ["a town's home", apex("/"), townHost("leuven")], ["a town's request form", apex("/request"), townHost("leuven")],
    ["the apex", apex("/"), {}], ["the apex sign-in", apex("/sign-in"), {}],
  ];
  for (const [name, url, headers] of pages) {
    test(`${name} allows only its own nonce'd scripts`, async ({ request }) => {
      const nonces = [];
      for (let i = 0; i < 2; i++) {
        const response = await request.get(url, { headers });
        expect(response.status()).toBe(200);
        const csp = response.headers()["content-security-policy"];
        const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
        expect(scriptSrc).toContain("'strict-dynamic'");
        expect(scriptSrc).not.toContain("unsafe-inline");
        expect(csp).toContain("frame-ancestors 'none'");
        const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
        expect(nonce).toBeTruthy();
        const html = await response.text();
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        expect(scripts.length).toBeGreaterThan(0);
        expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`))).toEqual([]);
        expect(response.headers()["x-content-type-options"]).toBe("nosniff");
        nonces.push(nonce);
      }
      expect(nonces[0]).not.toBe(nonces[1]);
    });
  }

  test("pages still come alive under the policy", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    for (const url of [town("leuven"), town("leuven", "/request"), apex("/start")]) {
      await page.goto(url);
      // Next.js sets window.next once its (nonce'd) runtime has started.
      await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version)).toBe("string");
    }
    expect(violations).toEqual([]);
  });
});
