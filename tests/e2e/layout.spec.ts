import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import type { AxeResults } from "axe-core";
import { LOCALE_COOKIE, LOCALES } from "../../lib/i18n/locales";
import { arrangeAlert } from "./helpers/alert-fixture";
import { arrangeConcern } from "./helpers/concern-fixture";
import { arrangeImport, arrangeInvited } from "./helpers/import-fixture";
import { appRoutes, fillPath } from "./helpers/app-routes";
import { apex, ensureSuspendedTown, signInAs, sql, town } from "./helpers/site";

// Every page of the app, on a phone (390 px) and a desktop (1280 px), in every
// language of the app: nothing wider than the screen, and no axe violations.
// Pages are read from the app's files, so a new page fails here until it has
// a plan below. Each role signs in once; languages switch by cookie.

const WIDTHS = [{ width: 390, height: 844 }, { width: 1280, height: 800 }];
const DRAFT_ID = "e2e-layout-draft";
const TABS = 3;

type Role = "anonymous" | "admin" | "volunteer" | "invited" | "organisation" | "platform";
const INVITED_ID = "e2e-layout-invited";
const SIGN_IN: Record<Exclude<Role, "anonymous">, [slug: string | null, email: string]> = {
  admin: ["leuven", "admin@leuven.example"],
  volunteer: ["leuven", "volunteer1@leuven.example"],
  // An imported volunteer who signs in before following their invitation's link (arrangeInvited).
  invited: ["leuven", `${INVITED_ID}@invited.example`],
  organisation: ["leuven", "carehome@leuven.example"],
  platform: [null, "platform@helpt.example"],
};

/** Who sees each page, and the URLs (paths with their segments filled) to visit; a page that reads differently to two people has a plan for each. */
type Plan = { role: Role; paths?: string[] };
const PLANS: Record<string, Plan | Plan[] | ((ids: Ids) => Plan)> = {
  "apex:/": { role: "anonymous" },
  "apex:/sign-in": { role: "anonymous" },
  "apex:/sign-in/check-email": { role: "anonymous" },
  "apex:/start": { role: "anonymous", paths: [1, 2, 3, 4, 5, 6, 7].map((n) => `/start?step=${n}`) },
  "apex:/start/done": { role: "anonymous", paths: ["/start/done?town=leuven"] },
  "apex:/dev/mailbox": { role: "anonymous" },
  "apex:/dev/emails": { role: "anonymous" },
  "apex:/dev/sms": { role: "anonymous" },
  "apex:/bench/static": { role: "anonymous" },
  "apex:/bench/signup": { role: "anonymous" },
  "apex:/legal/terms": { role: "anonymous" },
  "apex:/legal/dpa": { role: "anonymous" },
  "apex:/legal/cookies": { role: "anonymous" },
  "town:/legal/accessibility": { role: "anonymous" },
  "town:/legal/privacy": { role: "anonymous" },
  "town:/legal/cookies": { role: "anonymous" },
  "apex:/admin": { role: "platform", paths: ["/admin", "/admin?q=e&sort=created&dir=desc"] },
  "apex:/admin/email": { role: "platform" },
  "apex:/admin/towns/[id]": { role: "platform", paths: ["/admin/towns/leuven"] },
  "town:/": { role: "anonymous", paths: ["leuven", "gent", "slaapstad"].map((slug) => town(slug, "/")) },
  "town:/request": { role: "anonymous" },
  // An alert's one-click page, as the volunteer opens it on their phone (a fresh link for an open request).
  "town:/a/[token]": (ids) => ({ role: "anonymous", paths: [`/a/${ids.alertToken}`] }),
  "town:/request/thanks": { role: "anonymous" },
  "town:/requests": { role: "anonymous" },
  "town:/sign-in": { role: "anonymous" },
  "town:/sign-in/check-email": { role: "anonymous" },
  "town:/[...missing]": { role: "anonymous", paths: [town("leuven", "/no-such-page"), town("atlantis", "/")] },
  "town:/organisation": { role: "organisation", paths: ["/organisation", "/organisation?q=e&sort=name&dir=asc"] },
  // A partner's referral form and its list of referrals (the demo's care home manages its partner); the admin's partners.
  "town:/organisation/refer": { role: "organisation", paths: ["/organisation/refer", "/organisation/refer?created=ABCD-EFGH"] },
  "town:/organisation/referrals": { role: "organisation" },
  "town:/organisation/join/[id]": (ids) => ({ role: "organisation", paths: [`/organisation/join/${ids.partnerInvitation}`] }),
  "town:/settings/partners": { role: "admin" },
  "town:/volunteer": [{ role: "volunteer" }, { role: "invited" }],
  "town:/volunteer/profile": { role: "volunteer" },
  "town:/settings": { role: "admin" },
  "town:/settings/billing": { role: "admin" },
  "town:/settings/categories": { role: "admin" },
  "town:/settings/checks": { role: "admin" },
  // With the postcode search's results shown, and without (the map picker draws its own background: no tiles in the suite).
  "town:/settings/areas": { role: "admin", paths: ["/settings/areas", "/settings/areas?q=3020"] },
  "town:/staff": { role: "admin" },
  "town:/staff/intake": { role: "admin" },
  "town:/staff/requests": { role: "admin" },
  "town:/staff/callbacks": { role: "admin" },
  "town:/staff/today": { role: "admin" },
  "town:/staff/requests/[id]": (ids) => ({ role: "admin", paths: [`/staff/requests/${ids.request}`] }),
  "town:/staff/dashboard": { role: "admin", paths: ["/staff/dashboard", "/staff/dashboard?period=12m", "/staff/dashboard?period=7d"] },
  "town:/staff/volunteers": { role: "admin" },
  // A volunteer's checks: their state, the form to record one, the history.
  "town:/staff/volunteers/[id]": (ids) => ({ role: "admin", paths: [`/staff/volunteers/${ids.volunteer}`] }),
  "town:/staff/residents": { role: "admin" },
  "town:/staff/outreach": { role: "admin" },
  "town:/staff/audit": { role: "admin", paths: ["/staff/audit", "/staff/audit?q=request&sort=action&dir=asc"] },
  "town:/staff/reach": { role: "admin" },
  // Importing volunteers: the upload page, a preview with refused rows and a finished import; an imported volunteer's invitation.
  "town:/staff/volunteers/import": { role: "admin" },
  "town:/staff/volunteers/import/[id]": (ids) => ({ role: "admin", paths: ids.imports.map((id) => `/staff/volunteers/import/${id}`) }),
  "town:/invitation/[token]": (ids) => ({ role: "anonymous", paths: [`/invitation/${ids.invitation}`] }),
  // Safeguarding and the help record (issue 21): the admin is also the lead here; a resident's concern link.
  "town:/staff/concerns": { role: "admin" },
  "town:/staff/concerns/new": (ids) => ({ role: "admin", paths: ["/staff/concerns/new", `/staff/concerns/new?request=${ids.request}`] }),
  "town:/staff/concerns/[id]": (ids) => ({ role: "admin", paths: [`/staff/concerns/${ids.concern}`] }),
  "town:/concern/[token]": (ids) => ({ role: "anonymous", paths: [`/concern/${ids.concernLink}`] }),
  "town:/concern": { role: "volunteer" },
  "town:/staff/hours": { role: "admin" },
  "town:/volunteer/help": { role: "volunteer" },
};

type Ids = { request: string; alertToken: string; imports: string[]; invitation: string; partnerInvitation: string; concern: string; concernLink: string; volunteer: string };

/** An open invitation for the demo's care home manager to a second partner with a long name (a phone must still fit it). */
async function arrangePartnerInvitation(tenantId: string, email: string): Promise<string> {
  await sql(`INSERT INTO "Organisation" ("tenantId", id, name, kind) VALUES ($1, 'e2e-layout-partner', 'Openbaar Centrum voor Maatschappelijk Welzijn Leuven-Noordoost', 'SOCIAL_SERVICE')
             ON CONFLICT DO NOTHING`, [tenantId]);
  await sql(`INSERT INTO "PartnerInvitation" ("tenantId", id, "organisationId", email, role, "expiresAt")
             VALUES ($1, 'e2e-layout-partner-invitation', 'e2e-layout-partner', $2, 'REFERRER', now() + interval '1 day')
             ON CONFLICT ("tenantId", id) DO UPDATE SET "acceptedAt" = NULL, "expiresAt" = EXCLUDED."expiresAt"`, [tenantId, email]);
  return "e2e-layout-partner-invitation";
}

/** Absolute URLs per role, from the app's page files and the plans above. */
function urlsByRole(ids: Ids): Map<Role, string[]> {
  const byRole = new Map<Role, string[]>();
  for (const route of appRoutes().filter((r) => r.kind === "page")) {
    const key = `${route.site}:${route.path}`;
    const entry = PLANS[key];
    if (!entry) throw new Error(`${route.file}: no layout plan for ${key} in tests/e2e/layout.spec.ts`);
    for (const plan of [typeof entry === "function" ? entry(ids) : entry].flat()) {
      const paths = plan.paths ?? fillPath(route, {});
      const urls = paths.map((p) => (p.startsWith("http") ? p : route.site === "town" ? town("leuven", p) : apex(p)));
      byRole.set(plan.role, [...(byRole.get(plan.role) ?? []), ...urls]);
    }
  }
  return byRole;
}

/** How far the page reaches past the screen's right edge, and the elements that stick out most. */
async function overflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const excess = document.scrollingElement!.scrollWidth - width;
    if (excess <= 0) return { excess, culprits: [] };
    const describe = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${[...e.classList].slice(0, 4).join(".")}`;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 1)
      .slice(0, 5)
      .map((e) => `${describe(e)} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`);
    return { excess, culprits };
  });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Every WCAG 2.1 A/AA violation axe finds, one line each. axe is injected once
 * per loaded page and asked for violations only: the page is checked at both
 * widths, in four languages, so this runs some 400 times.
 */
async function axeViolations(page: Page): Promise<string[]> {
  // After a client-side navigation Next.js streams the <title> in a moment later.
  await expect(page).toHaveTitle(/\S/);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate((tags) => (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
    runOnly: { type: "tag", values: tags }, resultTypes: ["violations"],
  }), WCAG_21_AA);
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Sets the language for both the apex and the towns (host-only cookies, as the app sets them). */
async function useLanguage(context: BrowserContext, locale: string) {
  const hosts = ["localhost", "leuven.localhost", "gent.localhost", "slaapstad.localhost", "atlantis.localhost"];
  await context.addCookies(hosts.map((domain) => ({ name: LOCALE_COOKIE, value: locale, domain, path: "/" })));
}

let ids: Ids;
let plan: Map<Role, string[]>;

test.beforeAll(async () => {
  await ensureSuspendedTown();
  const [request] = await sql<{ id: string }>(
    `SELECT r.id FROM "HelpRequest" r JOIN "Tenant" t ON t.id = r."tenantId" WHERE t.slug = 'leuven' ORDER BY r."createdAt" LIMIT 1`,
  );
  const [open] = await sql<{ tenantId: string; id: string }>(
    `SELECT r."tenantId", r.id FROM "HelpRequest" r JOIN "Tenant" t ON t.id = r."tenantId" WHERE t.slug = 'leuven' AND r.status = 'OPEN' ORDER BY r."createdAt" LIMIT 1`,
  );
  const [volunteer] = await sql<{ id: string }>(`SELECT id FROM "VolunteerProfile" WHERE "tenantId" = $1 ORDER BY "createdAt" LIMIT 1`, [open.tenantId]);
  ids = {
    request: request.id, alertToken: await arrangeAlert(open.tenantId, open.id, volunteer.id),
    imports: [await arrangeImport(open.tenantId, "e2e-layout-preview", SIGN_IN.admin[1], "PREVIEW"), await arrangeImport(open.tenantId, "e2e-layout-done", SIGN_IN.admin[1], "DONE")],
    invitation: await arrangeInvited(open.tenantId, INVITED_ID),
    partnerInvitation: await arrangePartnerInvitation(open.tenantId, SIGN_IN.organisation[1]),
    ...await arrangeConcern(open.tenantId, open.id, volunteer.id, SIGN_IN.admin[1]).then(({ concern, link }) => ({ concern, concernLink: link })),
    volunteer: volunteer.id,
  };
  plan = urlsByRole(ids);
  // A sign-up draft that reached the last step, so every wizard step renders.
  await sql(`INSERT INTO "SignupDraft" (id, step, data, "updatedAt") VALUES ($1, 7, '{}', now()) ON CONFLICT (id) DO UPDATE SET step = 7, "tenantId" = NULL`, [DRAFT_ID]);
});

for (const role of ["anonymous", "admin", "volunteer", "invited", "organisation", "platform"] as const) {
  test.describe(`layout (${role})`, () => {
    let context: BrowserContext;
    test.beforeAll(async ({ browser }) => {
      context = await browser.newContext();
      await context.addCookies([{ name: "helpt-signup", value: DRAFT_ID, domain: "localhost", path: "/" }]);
      if (role !== "anonymous") {
        const page = await context.newPage();
        await signInAs(page, ...SIGN_IN[role]);
        await page.close();
      }
    });
    test.afterAll(async () => context?.close());

    for (const locale of LOCALES) {
      test(locale, async () => {
        test.setTimeout(600_000);
        await useLanguage(context, locale);
        // A few tabs at once: the server renders one page while axe reads another.
        const queue = [...(plan.get(role) ?? [])];
        await Promise.all(Array.from({ length: TABS }, async () => {
          const page = await context.newPage();
          for (let url = queue.shift(); url; url = queue.shift()) {
            // Loaded once, then checked at each width: the markup is the same, only the layout differs.
            await page.setViewportSize(WIDTHS[0]);
            await page.goto(url);
            for (const size of WIDTHS) {
              await page.setViewportSize(size);
              // Soft: every page is checked and reported, also when one fails.
              const { excess, culprits } = await overflow(page);
              expect.soft(culprits, `${url} at ${size.width} px is ${excess} px too wide`).toEqual([]);
              expect.soft(await axeViolations(page), `axe violations on ${url} at ${size.width} px`).toEqual([]);
            }
          }
          await page.close();
        }));
      });
    }
  });
}
