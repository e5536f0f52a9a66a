import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { ROOT } from "../../scripts/lib/run";
import { apex, ensureSuspendedTown, sql, town, townHost } from "./helpers/site";

test.describe("one codebase, a site per town", () => {
  test("the apex lists participating towns and links to their subdomains", async ({ page }) => {
    await page.goto(apex());
    const directory = page.getByTestId("town-directory");
    await expect(directory.getByRole("link", { name: /Leuven/ })).toHaveAttribute("href", town("leuven"));
    await expect(directory.getByRole("link", { name: /Gent/ })).toHaveAttribute("href", town("gent"));
  });

  test("each town shows its own branding, phone and categories, never the other's", async ({ page }) => {
    await page.goto(town("leuven"));
    await expect(page.getByRole("banner")).toContainText("Leuven Helpt");
    await expect(page.getByRole("banner")).toHaveCSS("background-color", "rgb(155, 28, 28)");
    await expect(page.getByTestId("town-phone")).toContainText("016 27 22 22");
    await expect(page.getByRole("contentinfo")).toContainText("016 27 22 22");
    const leuvenCategories = page.getByTestId("categories");
    await expect(leuvenCategories).toContainText(/Hond uitlaten|Dog walking/);
    await expect(leuvenCategories).not.toContainText(/Soep aan huis|Soup delivered/);
    await expect(page.locator("body")).not.toContainText("Gent");

    await page.goto(town("gent"));
    await expect(page.getByRole("banner")).toContainText("Gent Helpt");
    await expect(page.getByRole("banner")).toHaveCSS("background-color", "rgb(15, 92, 82)");
    await expect(page.getByTestId("town-phone")).toContainText("09 210 10 10");
    const gentCategories = page.getByTestId("categories");
    await expect(gentCategories).toContainText(/Soep aan huis|Soup delivered/);
    await expect(gentCategories).not.toContainText(/Hond uitlaten|Dog walking/);
    await expect(page.locator("body")).not.toContainText("Leuven");
  });

  test("the counters show the town's live figures", async ({ page }) => {
    const [{ requests, volunteers, responses }] = await sql<{ requests: string; volunteers: string; responses: string }>(
      `SELECT (SELECT count(*) FROM "HelpRequest" r WHERE r."tenantId" = t.id AND r.status <> 'CANCELLED') AS requests,
              (SELECT count(*) FROM "VolunteerProfile" v WHERE v."tenantId" = t.id AND v.status <> 'BLOCKED') AS volunteers,
              (SELECT count(*) FROM "Response" x WHERE x."tenantId" = t.id) AS responses
         FROM "Tenant" t WHERE t.slug = 'leuven'`,
    );
    expect(Number(volunteers)).toBeGreaterThan(0);
    await page.goto(town("leuven"));
    await expect(page.getByTestId("counter-requests")).toHaveText(requests);
    await expect(page.getByTestId("counter-volunteers")).toHaveText(volunteers);
    await expect(page.getByTestId("counter-responses")).toHaveText(responses);
  });

  test("unknown, reserved and malformed hosts get a 404 that names no town", async ({ page }) => {
    for (const url of [town("atlantis"), town("admin"), town("no_such"), apex("/t/leuven"), town("leuven", "/t/gent")]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const body = await page.locator("body").innerText();
      expect(body).not.toMatch(/Leuven|Gent/);
    }
  });

  test("www serves the apex site", async ({ page }) => {
    await page.goto(town("www", "/"));
    await expect(page.getByTestId("town-directory").getByRole("link", { name: /Leuven/ })).toBeVisible();
  });

  test("a suspended town shows a clear notice with its phone number", async ({ page }) => {
    await page.goto(town(await ensureSuspendedTown()));
    const notice = page.getByTestId("suspended");
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("Slaapstad");
    await expect(notice.getByRole("link", { name: /011 11 11 11/ })).toHaveAttribute("href", "tel:+3211111111"); // dialable from any phone, whatever the number's country
    await page.goto(town("slaapstad", "/request"));
    await expect(page.getByTestId("requests-paused")).toContainText("011 11 11 11");
    await page.goto(apex());
    await expect(page.getByTestId("town-directory")).not.toContainText("Slaapstad");
  });
});

test("every page is served with security headers", async ({ page }) => {
  for (const url of [apex("/"), town("leuven"), town("leuven", "/request")]) {
    const headers = (await page.goto(url))!.headers();
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
  }
});

test.describe("forms post only to their own site", () => {
  test("a form on one town's site cannot post to another town's actions", async ({ request }) => {
    const before = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "HelpRequest"`);
    const form = { residentName: "Cross Site", residentPhone: "0470123456", description: "posted from another town's page" };
    const refused = await request.post(apex("/request"), {
      headers: { ...townHost("leuven"), origin: new URL(town("gent")).origin, "next-action": "0".repeat(42), cookie: "helpt-locale=en" },
      multipart: form,
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain("sent from another website");
    const anonymous = await request.post(apex("/request"), { headers: townHost("leuven"), multipart: form, maxRedirects: 0 });
    expect(anonymous.status()).toBe(403);
    const after = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "HelpRequest"`);
    expect(after[0].n).toBe(before[0].n);
  });
});

test("the bench's routes and server action do not exist outside `npm run bench`", async ({ request }) => {
  for (const path of ["/bench/static", "/bench/signup"]) {
    expect((await request.get(apex(path))).status(), path).toBe(404);
    expect((await request.get(apex(path), { headers: townHost("leuven") })).status(), `leuven${path}`).toBe(404); // served on towns' hosts too, under the bench only
  }
  // An action id reaches any page: posted to the apex's home, the bench's insert still refuses to run.
  const manifest = JSON.parse(readFileSync(join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName: string }> };
  const id = Object.entries(manifest.node).find(([, a]) => a.exportedName === "benchSignupAction")?.[0];
  expect(id).toBeTruthy();
  const [leuven] = await sql<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'leuven'`);
  const userId = `bench-probe-${Date.now()}`;
  const fields = new FormData();
  for (const [k, v] of Object.entries({ tenantId: leuven.id, userId, name: "Probe", latitude: "50.88", longitude: "4.70" })) fields.append(k, v);
  // The body as React's client encodes a form action's arguments (the copy Next.js ships).
  const { encodeReply } = createRequire(join(ROOT, "package.json"))("next/dist/compiled/react-server-dom-turbopack/client.node") as {
    encodeReply: (value: unknown) => Promise<FormData | string>;
  };
  const body = new Response(await encodeReply(["", fields]));
  const reply = await request.post(apex("/"), {
    headers: { "next-action": id!, origin: apex("").replace(/\/$/, ""), "content-type": body.headers.get("content-type")!, accept: "text/x-component" },
    data: Buffer.from(await body.arrayBuffer()),
  });
  expect(reply.status()).toBeGreaterThanOrEqual(400); // Next.js hands the call to the action's own page, which is not there
  expect(await sql(`SELECT 1 FROM "Membership" WHERE "userId" = $1`, [userId])).toHaveLength(0);
});
