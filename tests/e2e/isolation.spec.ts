import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { TENANT_HEADER } from "../../lib/tenancy/headers";
import { encodeCursor } from "../../lib/lists/cursor";
import { appRoutes, fillPath, type AppRoute } from "./helpers/app-routes";
import { Jar, send, type Reply } from "./helpers/http";
import { callAction, formData, outcome, SESSION_COOKIE, serverActions, signInOverHttp, type ServerAction } from "./helpers/server-actions";
import { apex, signInAs, sql, town } from "./helpers/site";
import { arrangeEffects, arrangeTown, changedTables, leaksOf, ROLES, snapshot, TWIN_EMAIL, type Role, type Town } from "./helpers/town-fixtures";

// Tenant isolation: every role of town A, against every page, route handler
// and server action of the app, with town B's ids wherever an id goes, gets a
// 404 or nothing of B, and leaves B unchanged. Routes and actions are read
// from the app's files and the build's manifest, so a new one fails this
// suite until it has a plan below.

const towns: Record<string, Town> = {};
const DIRECTIONS = [["leuven", "gent"], ["gent", "leuven"]] as const;

// ---------------------------------------------------------------- plans --

/** Values for dynamic segments, per route (site:path). Segments naming an object get B's ids. */
const SEGMENTS: Record<string, (b: Town) => Record<string, string[]>> = {
  "town:/staff/requests/[id]": (b) => ({ id: b.ids.requests }),
  // B's one-click alert link: on A's site a 404, like any other of B's objects.
  "town:/a/[token]": (b) => ({ token: b.ids.alerts }),
  "town:/staff/outreach/[document]": () => ({ document: ["letter", "poster"] }),
  // B's volunteer import (its preview and status) and an invitation link signed for B: on A's site a 404.
  "town:/staff/volunteers/import/[id]": (b) => ({ id: b.ids.imports }),
  "town:/staff/volunteers/import/[id]/status": (b) => ({ id: b.ids.imports }),
  // B's volunteer's checks page: on A's site a 404.
  "town:/staff/volunteers/[id]": (b) => ({ id: b.ids.volunteers }),
  "town:/invitation/[token]": (b) => ({ token: b.ids.invitations }),
  // B's invitation to join its partner: on A's site (and for anyone but the invited address) a 404.
  "town:/organisation/join/[id]": (b) => ({ id: b.ids.partnerInvitations }),
  // B's concern (on A's site, even to A's lead: a 404) and a resident's concern link signed for B.
  "town:/staff/concerns/[id]": (b) => ({ id: b.ids.concerns }),
  "town:/concern/[token]": (b) => ({ token: b.ids.concernLinks }),
  "apex:/admin/towns/[id]": (b) => ({ id: [b.tenantId, b.slug] }),
  "apex:/dev/emails/[template]": () => ({ template: ["magic-link"] }),
  "api:/api/auth/[...nextauth]": () => ({ "...nextauth": ["session", "csrf", "providers"] }),
  "town:/[...missing]": (b) => ({ "...missing": ["no-such-page", `staff/requests/${b.ids.requests[0]}/x`] }),
};

/** Query strings that look B's objects up, per route; every URL also carries forged tenant and id parameters. */
type Query = Record<string, string>;
const QUERIES: Record<string, (b: Town) => Query[]> = {
  "town:/request/thanks": (b): Query[] => [{ ref: b.reference }],
  // Taking a call about B's request: A's form, naming nothing of B.
  "town:/staff/concerns/new": (b): Query[] => [{ request: b.ids.requests[2] }],
  // A cursor naming B's request (and one from after all of them): A's list, never B's rows.
  "town:/requests": (b): Query[] => [{ before: `${Date.UTC(9999, 0)}_${b.ids.requests[0]}` }, { before: `0_${b.ids.requests.at(-1)}` }],
  // The staff lists: B's filters, B's words searched, and cursors holding B's keys (a cursor is a position, never a row).
  "town:/staff/requests": (b): Query[] => [
    { categoryId: b.ids.categories[0] }, { neighbourhood: `${b.mark} Wijk`, status: "NEW" }, { q: b.reference }, { source: "REFERRAL", status: "NEW" },
    { sort: "reference", dir: "asc", before: listCursor([b.reference]) }, { after: listCursor(["HIGH", { d: new Date(Date.UTC(9999, 0)).toISOString() }, b.ids.requests[0]]) },
  ],
  "town:/staff/volunteers": (b): Query[] => [
    { q: b.mark }, { categoryId: b.ids.categories[0], status: "ACTIVE" },
    { sort: "created", dir: "desc", after: listCursor([{ d: new Date(Date.UTC(9999, 0)).toISOString() }, b.ids.volunteers[0]]) },
  ],
  // The dashboard and its PDF over a year: A's figures and areas only.
  "town:/staff/dashboard": (): Query[] => [{ period: "12m" }, { period: "custom", from: "2000-01-01", to: "2100-01-01" }],
  "town:/staff/dashboard/report.pdf": (): Query[] => [{ period: "12m" }, { period: "custom", from: "2000-01-01", to: "2100-01-01" }],
  "town:/staff/audit": (b): Query[] => [
    { q: b.ids.requests[0] }, { subject: b.reference, actor: b.people.admin },
    // A cursor naming B's request, sorted by action: A's entries after it, never B's.
    { sort: "action", dir: "asc", after: encodeCursor(["request.view", new Date(0), b.ids.requests[0]]) },
  ],
  // A cursor naming B's referral: A's partner's referrals after it, never B's.
  "town:/organisation/referrals": (b): Query[] => [{ after: encodeCursor([new Date(Date.UTC(9999, 0)), b.ids.referrals[0]]) }, { dir: "asc", before: encodeCursor([new Date(0), b.ids.referrals[0]]) }],
  "town:/organisation": (b): Query[] => [{ vacancy: b.ids.vacancies[0] }, { q: b.mark, status: "OPEN" }, { sort: "name", before: encodeCursor([b.mark, b.ids.vacancies[0]]) }],
  // The exports with B's filters: A's rows only (CSV, so a leak would be readable; XLSX runs the same query).
  "town:/staff/requests/export": (b): Query[] => [{ format: "csv", categoryId: b.ids.categories[0] }, { format: "csv", neighbourhood: `${b.mark} Wijk` }, { format: "xlsx", categoryId: b.ids.categories[0] }],
  "town:/staff/volunteers/export": (b): Query[] => [{ format: "csv", q: b.mark }, { format: "xlsx", q: b.mark }],
  "town:/staff/audit/export": (b): Query[] => [{ format: "csv", q: b.ids.requests[0] }, { format: "json", subject: b.reference }],
  "apex:/admin": (b): Query[] => [{ q: b.slug }],
  "apex:/dev/mailbox": (b): Query[] => [{ to: b.people.admin }],
  "apex:/dev/sms": (b): Query[] => [{ to: b.resident.phone }],
  "api:/api/signup/slug": (b): Query[] => [{ slug: b.slug }],
  "api:/api/tls/ask": (b): Query[] => [{ domain: `${b.slug}.localhost` }, ...b.ids.domains.map((domain) => ({ domain }))],
};
/** A list cursor as lib/lists/cursor.ts writes one (base64url JSON of the sort key). */
const listCursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString("base64url");
const forgedQuery = (b: Town) => ({ tenant: b.slug, tenantId: b.tenantId, id: b.ids.categories.at(-1)! });

/** Route handler methods other than GET, each with the requests that probe it. */
type Probe = { method: string; path: string; body?: string; headers?: Record<string, string> };
const HANDLER_PROBES: Record<string, (b: Town) => Probe[]> = {
  "api:/api/email/webhook#POST": (b) => [{
    method: "POST", path: "/api/email/webhook", headers: { "content-type": "application/json", "svix-id": "msg_isolation", "svix-timestamp": "1", "svix-signature": "v1,forged" },
    body: JSON.stringify({ type: "email.bounced", data: { to: [b.people.admin], bounce: { type: "Permanent" } } }),
  }],
  "api:/api/stripe/webhook#POST": (b) => [{
    method: "POST", path: "/api/stripe/webhook", headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=forged" },
    body: JSON.stringify({ id: "evt_isolation", type: "customer.subscription.deleted", data: { object: { id: "sub_isolation", metadata: { tenantId: b.tenantId } } } }),
  }],
  // Twilio's webhooks, forged (signed with no key of the platform): a 403, and B's texts and opt-outs unchanged.
  "api:/api/sms/status#POST": (b) => [{
    method: "POST", path: `/api/sms/status?id=${b.ids.requests[0]}`, headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "Zm9yZ2Vk" },
    body: new URLSearchParams({ MessageSid: `SM${"0".repeat(32)}`, MessageStatus: "failed", To: b.resident.phone }).toString(),
  }],
  "api:/api/sms/inbound#POST": (b) => [{
    method: "POST", path: "/api/sms/inbound", headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "Zm9yZ2Vk" },
    body: new URLSearchParams({ From: b.resident.phone, Body: "STOP", MessageSid: `SM${"1".repeat(32)}` }).toString(),
  }],
  "town:/staff/residents/export#POST": (b) => [b.resident.phone, b.resident.email].map((contact) => ({
    method: "POST", path: "/staff/residents/export", headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ contact, identityVerified: "on" }).toString(),
  })),
  // A's people subscribing or stopping with B's ids and endpoint: the browser lands in A (a volunteer there) or nowhere, never in B.
  "town:/volunteer/push#POST": (b) => [{
    method: "POST", path: "/volunteer/push", headers: { "content-type": "application/json" },
    body: JSON.stringify({ endpoint: `https://fcm.googleapis.com/fcm/send/iso-${b.slug}`, keys: { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) }, tenantId: b.tenantId, profileId: b.ids.volunteers[0] }),
  }],
  "town:/volunteer/push/stop#POST": (b) => [{
    method: "POST", path: "/volunteer/push/stop", headers: { "content-type": "application/json" },
    body: JSON.stringify({ endpoint: `https://fcm.googleapis.com/fcm/send/iso-${b.slug}-own`, tenantId: b.tenantId }),
  }],
  "api:/api/auth/[...nextauth]#POST": (b) => [{
    method: "POST", path: "/api/auth/signin/email", headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: b.people.admin, callbackUrl: town(b.slug, "/staff/requests") }).toString(),
  }],
};

/**
 * The development mailbox and SMS inbox list every town's messages by design
 * in the demo (they do not exist in production, nor with RESEND_API_KEY or
 * TWILIO_ACCOUNT_SID): walked for errors, not for markers.
 */
const DEV_TOOLS = new Set(["apex:/dev/mailbox", "apex:/dev/sms"]);

/** Bound (leading string) parameters of actions, by name: B's ids. `step` is the sign-up wizard's step, not an id. */
const BOUND: Record<string, (b: Town) => string[]> = {
  requestId: (b) => b.ids.requests,
  volunteerId: (b) => b.ids.volunteers,
  vacancyId: (b) => b.ids.vacancies,
  membershipId: (b) => b.ids.memberships,
  callbackId: (b) => b.ids.callbacks,
  tenantId: (b) => [b.tenantId],
  host: (b) => b.ids.domains,
  step: () => ["subdomain"],
  token: (b) => b.ids.alerts,
  categoryId: (b) => b.ids.categories,
  areaId: (b) => b.ids.areas,
  importId: (b) => b.ids.imports,
  invitation: (b) => b.ids.invitations,
  invitationId: (b) => b.ids.partnerInvitations,
  concernId: (b) => b.ids.concerns,
  concernLink: (b) => b.ids.concernLinks,
  logId: (b) => b.ids.helpLogs,
  assignmentId: (b) => b.ids.assignments,
};
const NOT_IDS = new Set(["step"]);

/** Previous-state arguments, by type. */
const STATES: Record<string, unknown> = {
  FormState: { values: {}, errors: {} }, SignInState: { email: "" },
  ResidentLookupState: { values: {}, errors: {} }, ResidentEraseState: { values: {}, errors: {} },
  AlertLinkState: { values: {}, errors: {} }, InvitationState: { values: {}, errors: {} }, BulkState: { values: {}, errors: {} },
  PartnerInviteState: { values: {}, errors: {} },
};

/** Actions that exist only under `npm run bench` (HELPT_BENCH=1): their page is a 404 here, and tenancy.spec.ts proves they refuse to run. */
const BENCH_ONLY = new Set(["app/bench/signup/action.ts#benchSignupAction"]);

/** Every id-like field a form could carry, forged with B's ids (unknown fields are ignored by the schemas). */
const idFields = (b: Town): Record<string, string | string[]> => ({
  id: b.ids.outbox[0] ?? b.ids.requests[0], requestId: b.ids.requests[0], volunteerId: b.ids.volunteers[0], volunteerIds: b.ids.volunteers,
  vacancyId: b.ids.vacancies[0], organisationId: b.ids.organisations[0], membershipId: b.ids.memberships[0], categoryId: b.ids.categories[0],
  categoryIds: b.ids.categories, areaId: b.ids.areas[0], noteId: b.ids.notes[0], responseId: b.ids.responses[0],
  assignmentId: b.ids.assignments[0], applicationId: b.ids.applications[0], callbackId: b.ids.callbacks[0], tenantId: b.tenantId, tenant: b.slug, host: b.ids.domains[0],
});

const PROBE = "Isolation probe, please ignore";
const requestForm = { description: PROBE, timeWindow: "Tuesday morning", postcode: "3000", name: "Isolation Probe", phone: "0470 12 34 56", contactMethod: "PHONE" };

/**
 * Per action (file#export): the other form fields, valid where that lets the
 * call reach the lookup of B's ids, and harmless to A where the action takes
 * no id (those are checked for leaving B alone). `last`: it ends the session.
 */
const ACTIONS: Record<string, { form?: (b: Town) => Record<string, string | string[]>; last?: true }> = {
  "lib/sign-in/actions.ts#requestMagicLink": { form: () => ({ email: "not-an-address" }) },
  "lib/sign-in/actions.ts#signOutAction": { last: true },
  "lib/preferences/actions.ts#setLocale": { form: () => ({ locale: "en" }) },
  // A's coordinators confirming B's import; anyone accepting B's invitation on A's site; an upload is A's own (no id: B stays unchanged).
  "lib/imports/actions.ts#confirmImportAction": {},
  "lib/imports/actions.ts#acceptInvitationAction": { form: () => ({ codeOfConduct: "on", privacy: "on" }) },
  "lib/imports/actions.ts#previewImportAction": {},
  // A signed-in volunteer of A confirming their own invitation: their profile in A only (no id: B stays unchanged).
  "lib/imports/actions.ts#acceptOwnInvitationAction": { form: () => ({ codeOfConduct: "on", privacy: "on" }) },
  "lib/platform/email-actions.ts#retryEmailAction": {},
  "lib/platform/actions.ts#suspendTownAction": { form: () => ({ reason: PROBE }) },
  "lib/platform/actions.ts#reactivateTownAction": {},
  "lib/platform/actions.ts#changePlanAction": { form: () => ({ plan: "PAID" }) },
  "lib/platform/actions.ts#extendTrialAction": { form: () => ({ days: "30" }) },
  "lib/signup/actions.ts#saveStepAction": { form: (b) => ({ slug: b.slug }) },
  "lib/signup/actions.ts#restartAction": {},
  "lib/organisations/actions.ts#saveOrganisationAction": { form: () => ({ name: "" }) },
  "lib/organisations/actions.ts#postVacancyAction": { form: () => ({ title: "" }) },
  "lib/organisations/actions.ts#closeVacancyAction": {},
  "lib/requests/actions.ts#submitHelpRequest": { form: () => ({ ...requestForm, consent: "on" }) },
  "lib/requests/actions.ts#submitPhoneRequest": { form: () => ({ ...requestForm, consentByPhone: "on" }) },
  "lib/requests/actions.ts#publishAction": { form: () => ({ publicSummary: PROBE }) },
  "lib/requests/actions.ts#statusAction": { form: () => ({ status: "CANCELLED" }) },
  "lib/requests/actions.ts#triageAction": { form: () => ({ urgency: "HIGH", ageGroup: "OVER_80", recurrence: "WEEKLY" }) },
  "lib/requests/actions.ts#noteAction": { form: () => ({ body: PROBE }) },
  "lib/alerts/actions.ts#alertOfferAction": {},
  "lib/domains/actions.ts#addDomainAction": {},
  "lib/domains/actions.ts#verifyDomainAction": {},
  "lib/domains/actions.ts#removeDomainAction": {},
  "lib/settings/actions.ts#saveHeroAction": { form: () => ({ intent: "NOT_AN_INTENT", heroAlt: PROBE }) },
  "lib/settings/actions.ts#saveLogoAction": { form: () => ({ intent: "NOT_AN_INTENT" }) },
  "lib/settings/actions.ts#saveSettingsAction": { form: () => ({ name: "" }) },
  "lib/settings/actions.ts#inviteAction": { form: (b) => ({ email: b.people.coordinator, role: "NOT_A_ROLE" }) },
  "lib/settings/actions.ts#removeMemberAction": {},
  "lib/settings/actions.ts#billingAction": { form: () => ({ intent: "portal" }) },
  "lib/matching/actions.ts#assignAction": {},
  // Issue 21: concerns raised about B's request, volunteer or link, and a lead's handling of B's concern; hours on B's assignment and log.
  "lib/concerns/actions.ts#raiseByPhoneAction": { form: () => ({ about: PROBE, body: PROBE }) },
  "lib/concerns/actions.ts#raiseByLinkAction": { form: () => ({ about: PROBE, body: PROBE, aboutVolunteer: "on" }) },
  "lib/concerns/actions.ts#raiseAsMemberAction": { form: () => ({ about: PROBE, body: PROBE }) },
  "lib/concerns/actions.ts#concernNoteAction": { form: () => ({ body: PROBE }) },
  "lib/concerns/actions.ts#concernStatusAction": { form: () => ({ status: "CLOSED" }) },
  "lib/concerns/actions.ts#concernDeadlineAction": { form: () => ({ deadline: "2030-01-01" }) },
  "lib/concerns/actions.ts#pauseVolunteerAction": {},
  "lib/help-record/actions.ts#logHelpAction": { form: () => ({ hours: "1", visits: "1", day: new Date().toISOString().slice(0, 10) }) },
  "lib/help-record/actions.ts#decideHelpAction": { form: () => ({ decision: "confirm" }) },
  "lib/matching/actions.ts#coordinatorDoneAction": { form: () => ({ feedback: PROBE }) },
  "lib/matching/actions.ts#capAction": { form: () => ({ maxResponses: "7" }) },
  "lib/matching/actions.ts#blockVolunteerAction": { form: () => ({ blocked: "true" }) },
  "lib/volunteers/actions.ts#saveProfileAction": {
    form: () => ({ name: "Isolation Probe", phone: "0470 12 34 56", postcode: "3000", maxDistanceKm: "5", languages: "nl", codeOfConduct: "on" }),
  },
  "lib/volunteers/actions.ts#pauseAction": { form: () => ({ paused: "false" }) },
  "lib/volunteers/actions.ts#deleteProfileAction": {},
  "lib/volunteers/actions.ts#respondAction": { form: () => ({ message: PROBE }) },
  "lib/volunteers/actions.ts#withdrawAction": {},
  "lib/volunteers/actions.ts#markDoneAction": { form: () => ({ feedback: PROBE }) },
  "lib/volunteers/actions.ts#applyAction": { form: () => ({ message: PROBE }) },
  "lib/volunteers/actions.ts#smsAlertsAction": { form: () => ({ smsAlerts: "on" }) },
  "lib/volunteers/actions.ts#sendPhoneCodeAction": {},
  "lib/volunteers/actions.ts#confirmPhoneCodeAction": { form: () => ({ code: "123456" }) },
  "lib/residents/actions.ts#lookupResidentAction": { form: (b) => ({ contact: b.resident.phone }) },
  "lib/callbacks/actions.ts#calledBackAction": {},
  // Town structure: with B's category or area bound, valid input (so the lookup of B's id is reached); without one, refused input.
  "lib/categories/actions.ts#addCategoryAction": { form: () => ({ label_nl: "", label_fr: "", label_en: "", label_de: "" }) },
  "lib/categories/actions.ts#renameCategoryAction": { form: () => ({ label_nl: PROBE, label_fr: PROBE, label_en: PROBE, label_de: PROBE }) },
  "lib/categories/actions.ts#retireCategoryAction": {},
  "lib/categories/actions.ts#restoreCategoryAction": {},
  "lib/categories/actions.ts#moveCategoryAction": { form: () => ({ direction: "down" }) },
  "lib/areas/actions.ts#addAreaFromPostcodeAction": { form: () => ({ postcode: "0000", place: PROBE }) },
  "lib/areas/actions.ts#addAreaFromMapAction": { form: () => ({ name: "", postcode: "", latitude: "", longitude: "" }) },
  "lib/areas/actions.ts#renameAreaAction": { form: () => ({ name: PROBE }) },
  "lib/areas/actions.ts#removeAreaAction": {},
  // B's ids as the selection, reviewed and confirmed: each reported as not found, B unchanged.
  "lib/bulk/actions.ts#bulkRequestsAction": { form: (b) => ({ op: "cancel", ids: b.ids.requests, confirmed: "yes", confirmedIds: b.ids.requests }) },
  "lib/bulk/actions.ts#messageVolunteersAction": { form: (b) => ({ subject: PROBE, body: PROBE, confirmed: "yes", confirmedIds: b.ids.volunteers }) },
  // Partners: inviting with refused input (nothing sent, B unchanged); joining B's invitation (a 404); referring with B's category (refused).
  "lib/partners/actions.ts#invitePartnerAction": { form: () => ({ name: PROBE, kind: "NOT_A_KIND", email: "not-an-address" }) },
  "lib/partners/actions.ts#inviteColleagueAction": { form: () => ({ email: "not-an-address", role: "NOT_A_ROLE" }) },
  "lib/partners/actions.ts#joinPartnerAction": { form: () => ({ name: "Isolation Probe", phone: "0470 12 34 56" }) },
  "lib/partners/actions.ts#memberDetailsAction": { form: () => ({ name: "", phone: "not a number" }) },
  "lib/referrals/actions.ts#referAction": { form: () => ({ ...requestForm, consentByPhone: "on" }) },
  // Checks: B's category, vacancy or volunteer bound with valid input (the lookup is reached); the terms and the training take no id: refused input, or A's town has no training.
  "lib/checks/actions.ts#categoryChecksAction": { form: () => ({ kinds: ["RECORD_EXTRACT"] }) },
  "lib/checks/actions.ts#vacancyChecksAction": { form: () => ({ kinds: ["TRAINING"] }) },
  "lib/checks/actions.ts#checkTermsAction": { form: () => ({ kind: "NOT_A_KIND", validMonths: "12", name: PROBE, text: PROBE }) },
  "lib/checks/actions.ts#confirmCheckAction": { form: () => ({ kind: "IDENTITY", note: PROBE }) },
  "lib/checks/actions.ts#confirmTrainingAction": {},
  "lib/residents/actions.ts#eraseResidentAction": { form: (b) => ({ contact: b.resident.email, identityVerified: "on", confirm: "on" }) },
};

/** Per role of A, a page that must show A's own data: the sessions work, and a 404 for B is not a 404 for everything. */
const CONTROLS: Record<Role, (a: Town) => { path: string; shows: string }> = {
  anonymous: (a) => ({ path: "/", shows: `data-tenant="${a.slug}"` }),
  volunteer: () => ({ path: "/volunteer", shows: 'data-testid="volunteer-status"' }),
  organisation: () => ({ path: "/organisation", shows: 'data-testid="own-vacancies"' }),
  staff: (a) => ({ path: `/staff/requests/${a.ids.requests[0]}`, shows: `${a.mark} Resident 1` }),
  coordinator: (a) => ({ path: `/staff/requests/${a.ids.requests[0]}`, shows: `${a.mark} internal note` }),
  admin: (a) => ({ path: "/staff/audit", shows: 'data-testid="audit"' }),
};

// ------------------------------------------------------------ machinery --

/** What the suite did, for SECURITY.md: written to test-results/isolation-counts.json. */
const counts = {
  directions: DIRECTIONS.map(([a, b]) => `${a}->${b}`), roles: ROLES,
  routeFiles: 0, actionIds: 0,
  pages: { routeRolePairs: 0, requests: 0, statuses: {} as Record<string, number> },
  actions: { actionRolePairs: 0, calls: 0, outcomes: {} as Record<string, number>, byAction: {} as Record<string, Record<string, number>> },
  checks: 0, leaksFound: 0, seconds: 0,
};
const started = Date.now();
let failures: string[] = [];

function check(ok: boolean, message: string) {
  counts.checks++;
  if (!ok) failures.push(message);
}

function expectNoFailures() {
  const found = failures;
  failures = [];
  expect(found, found.join("\n")).toEqual([]);
}

const key = (route: AppRoute) => `${route.site}:${route.path}`;
const bump = (table: Record<string, number>, name: string) => { table[name] = (table[name] ?? 0) + 1; };

/** Base URLs a route is served on, for town A. */
const basesFor = (route: AppRoute, a: Town) =>
  route.site === "town" ? [town(a.slug)] : route.site === "apex" ? [apex()] : [town(a.slug), apex()];

type Target = { label: string; url: string; probe: Probe; sent: string[]; forgedObject: boolean; devTool: boolean };

/** Every request the walk makes for A against B, from the route files. */
function targetsFor(a: Town, b: Town): Target[] {
  const targets: Target[] = [];
  for (const route of appRoutes()) {
    const routeKey = key(route);
    const paths = route.segments.length ? fillPath(route, SEGMENTS[routeKey]?.(b) ?? {}) : [route.path];
    const probes: Probe[] = [];
    for (const method of route.methods) {
      if (method === "GET") {
        for (const path of paths) {
          for (const query of [...(QUERIES[routeKey]?.(b) ?? []), {}]) {
            probes.push({ method, path: `${path}?${new URLSearchParams({ ...query, ...forgedQuery(b) })}` });
          }
        }
      } else {
        const plan = HANDLER_PROBES[`${routeKey}#${method}`];
        if (!plan) throw new Error(`${route.file}: no probe planned for ${method}`);
        probes.push(...plan(b));
      }
    }
    for (const base of basesFor(route, a)) {
      for (const probe of probes) {
        const url = new URL(probe.path, base).href;
        const params = [...new URL(url).searchParams.values()];
        const segments = decodeURIComponent(new URL(url).pathname).split("/");
        const sent = [...params, ...segments, ...(probe.body ? [probe.body, ...new URLSearchParams(probe.body).values()] : [])];
        targets.push({
          label: `${probe.method} ${url}`, url, probe, sent,
          forgedObject: segments.some((s) => b.allIds.has(s)),
          devTool: DEV_TOOLS.has(routeKey),
        });
      }
    }
  }
  return targets;
}

/** Signs every role of A in, on A's site and on the apex. */
async function sessionsOf(a: Town): Promise<Record<Role, Jar>> {
  const jars = { anonymous: new Jar() } as Record<Role, Jar>;
  for (const role of ROLES.filter((r): r is Exclude<Role, "anonymous"> => r !== "anonymous")) {
    const jar = new Jar();
    await signInOverHttp(town(a.slug), a.people[role], jar);
    await signInOverHttp(apex(), a.people[role], jar);
    jars[role] = jar;
  }
  return jars;
}

/** B's markers or ids in a reply (body and redirect target), after taking out what the request itself sent. */
function checkReply(b: Town, reply: Reply, sent: string[], label: string, scope: "all" | "private" = "all") {
  const location = reply.headers.location ? String(reply.headers.location) : "";
  const leaks = leaksOf(b, `${reply.body}\n${location}\n${String(reply.headers["x-action-redirect"] ?? "")}`, sent, scope);
  counts.leaksFound += leaks.length;
  check(leaks.length === 0, `${label}: ${b.slug}'s data in the answer: ${leaks.slice(0, 5).join(", ")}`);
  if (scope === "all") check(!location || new URL(location, "http://x.localhost").hostname !== `${b.slug}.localhost`, `${label}: redirects to ${b.slug}: ${location}`);
}

const isSignInRedirect = (reply: Reply) =>
  reply.status >= 300 && reply.status < 400 && /\/sign-in(\?|$)/.test(String(reply.headers.location ?? ""));

/** The page to post an action to (a page whose bundle carries it), on A's site when one exists. */
function pageFor(action: ServerAction, a: Town, b: Town): string {
  const routes = appRoutes();
  const candidates = action.workers
    .map((w) => routes.find((r) => r.file.replace(/\.\w+$/, "") === w))
    .filter((r): r is AppRoute => !!r)
    .sort((x, y) => Number(x.site !== "town") - Number(y.site !== "town") || x.segments.length - y.segments.length || x.path.length - y.path.length);
  const route = candidates[0];
  if (!route) throw new Error(`${action.file}#${action.name}: none of its pages (${action.workers.join(", ")}) is a known route`);
  const [path] = route.segments.length ? fillPath(route, SEGMENTS[key(route)]?.(b) ?? {}) : [route.path];
  return new URL(path, route.site === "town" ? town(a.slug) : apex()).href;
}

type Call = { action: ServerAction; url: string; args: unknown[]; sent: string[]; forgedBound: boolean; last: boolean };

/** Every call of every action for A against B: one per combination of B's ids in its bound parameters. */
function callsFor(a: Town, b: Town): Call[] {
  const calls: Call[] = [];
  for (const action of serverActions()) {
    if (BENCH_ONLY.has(`${action.file}#${action.name}`)) continue;
    const plan = ACTIONS[`${action.file}#${action.name}`];
    if (!plan) throw new Error(`${action.file}#${action.name} (${action.id}): no plan in the isolation suite`);
    let argLists: unknown[][] = [[]];
    const fields = { ...idFields(b), ...plan.form?.(b) };
    let forgedBound = false;
    for (const param of action.params) {
      let values: unknown[];
      if (param.type === "FormData") values = [fields];
      else if (param.type in STATES) values = [STATES[param.type]];
      else if (BOUND[param.name]) {
        values = BOUND[param.name](b);
        forgedBound ||= !NOT_IDS.has(param.name);
      } else throw new Error(`${action.file}#${action.name}: no plan for parameter ${param.name}: ${param.type}`);
      argLists = argLists.flatMap((args) => values.map((v) => [...args, v]));
    }
    const url = pageFor(action, a, b);
    const formValues = Object.values(fields).flat();
    for (const args of argLists) {
      const sent = [...decodeURIComponent(new URL(url).pathname).split("/"), ...args.flatMap((v) => (typeof v === "string" ? [v] : v === fields ? formValues : []))];
      calls.push({ action, url, sent, forgedBound, last: !!plan.last, args: args.map((v) => (v === fields ? formData(fields) : v)) });
    }
  }
  return calls.sort((x, y) => Number(x.last) - Number(y.last));
}

// ----------------------------------------------------------------- tests --

test.beforeAll(async () => {
  test.setTimeout(60_000);
  for (const slug of ["leuven", "gent"]) towns[slug] = await arrangeTown(slug);
});

test.afterAll(() => {
  counts.routeFiles = appRoutes().length;
  counts.actionIds = serverActions().length;
  counts.seconds = Math.round((Date.now() - started) / 1000);
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/isolation-counts.json", `${JSON.stringify(counts, null, 2)}\n`);
  const { pages, actions } = counts;
  console.log(
    `[isolation] ${counts.directions.join(", ")}, ${counts.roles.length} roles: ${counts.routeFiles} route files (${pages.routeRolePairs} route×role, ` +
    `${pages.requests} requests), ${counts.actionIds} server actions (${actions.actionRolePairs} action×role, ${actions.calls} calls), ` +
    `${counts.checks} checks, ${counts.leaksFound} leaks, ${counts.seconds} s`,
  );
});

test("every route file and every server action has a plan", () => {
  const routes = appRoutes();
  const actions = serverActions();
  expect(routes.length).toBeGreaterThan(20);
  expect(actions.length).toBeGreaterThan(20);
  // Building the walk throws for a route or action the suite cannot handle.
  for (const [a, b] of DIRECTIONS) {
    expect(targetsFor(towns[a], towns[b]).length).toBeGreaterThan(routes.length);
    expect(callsFor(towns[a], towns[b]).length).toBeGreaterThan(actions.length);
  }
  const planned = new Set(Object.keys(ACTIONS));
  const stale = [...planned].filter((k) => !actions.some((x) => `${x.file}#${x.name}` === k));
  expect(stale, "plans for actions that no longer exist").toEqual([]);
});

for (const [aSlug, bSlug] of DIRECTIONS) {
  test(`${aSlug}'s roles walk every page and route handler with ${bSlug}'s ids and get nothing of ${bSlug}`, async () => {
    test.setTimeout(240_000);
    const [a, b] = [towns[aSlug], towns[bSlug]];
    const jars = await sessionsOf(a);
    await arrangeEffects(b);
    // On A's site and the apex, with the role's own sessions: nothing of B at all.
    const onA = targetsFor(a, b);
    // On B's own site, with the role's session cookie copied over: what B shows anyone, nothing more.
    const onB = targetsFor(b, b).filter((t) => new URL(t.url).hostname === `${b.slug}.localhost`);
    counts.pages.routeRolePairs += appRoutes().length * ROLES.length;
    for (const role of ROLES) {
      const control = CONTROLS[role](a);
      const own = await send(town(a.slug, control.path), { jar: jars[role] });
      check(own.status === 200 && own.body.includes(control.shows), `${role} of ${a.slug}: ${control.path} does not show ${control.shows} (${own.status})`);
      const token = jars[role].get(`${a.slug}.localhost`, SESSION_COOKIE);
      const carried = new Jar(token ? [{ name: SESSION_COOKIE, value: token, domain: `${b.slug}.localhost` }] : []);
      const there = await send(town(b.slug, "/api/auth/session"), { jar: carried });
      check(role === "anonymous" || !there.body.includes(a.people[role as Exclude<Role, "anonymous">]), `${role} of ${a.slug}: the session works on ${b.slug}'s site`);

      const before = await snapshot(b);
      for (const [targets, jar, scope] of [[onA, jars[role], "all"], [onB, carried, "private"]] as const) {
        for (const target of targets) {
          const label = `${role} of ${a.slug}: ${target.label}`;
          const reply = await send(target.url, {
            method: target.probe.method, jar, body: target.probe.body,
            headers: {
              [TENANT_HEADER]: scope === "all" ? b.slug : a.slug, ...target.probe.headers,
              ...(target.probe.method === "GET" ? {} : { origin: new URL(target.url).origin }), // a same-site form post, as browsers send it
            },
          });
          counts.pages.requests++;
          bump(counts.pages.statuses, String(reply.status));
          check(reply.status < 500, `${label}: ${reply.status}`);
          if (!target.devTool) checkReply(b, reply, target.sent, label, scope);
          if (target.forgedObject) {
            check(reply.status === 404 || ((role === "anonymous" || scope === "private") && isSignInRedirect(reply)), `${label}: ${reply.status}, not a 404`);
          }
        }
      }
      const changed = changedTables(before, await snapshot(b));
      check(changed.length === 0, `${role} of ${a.slug}: reading pages changed ${b.slug}'s ${changed.join(", ")}`);
    }
    expectNoFailures();
  });

  test(`${aSlug}'s roles call every server action with ${bSlug}'s ids and change nothing of ${bSlug}`, async () => {
    test.setTimeout(360_000); // 60-odd actions for six roles: over 2.5 min on CI's 2 cores
    const [a, b] = [towns[aSlug], towns[bSlug]];
    const jars = await sessionsOf(a);
    const calls = callsFor(a, b);
    counts.actions.actionRolePairs += serverActions().length * ROLES.length;
    const find = (name: string) => serverActions().find((x) => x.name === name)!;

    // Controls: the same calls with A's own ids do reach the data, so the encoding and the sessions work.
    const note = await callAction(town(a.slug, `/staff/requests/${a.ids.requests[0]}`), find("noteAction").id,
      [a.ids.requests[0], STATES.FormState, formData({ body: "isolation control note" })], jars.coordinator);
    const notes = await sql(`DELETE FROM "RequestNote" WHERE "tenantId" = $1 AND body = 'isolation control note' RETURNING id`, [a.tenantId]);
    check(outcome(note) === "done" && notes.length === 1, `control: a note on ${a.slug}'s own request: ${outcome(note)}, ${notes.length} note(s)`);
    for (const blocked of ["true", "false"]) {
      await callAction(town(a.slug, "/staff/volunteers"), find("blockVolunteerAction").id, [a.ids.volunteers[0], formData({ blocked })], jars.coordinator);
      const [{ status }] = await sql<{ status: string }>(`SELECT status FROM "VolunteerProfile" WHERE "tenantId" = $1 AND id = $2`, [a.tenantId, a.ids.volunteers[0]]);
      check(status === (blocked === "true" ? "BLOCKED" : "ACTIVE"), `control: blocking ${a.slug}'s own volunteer (${blocked}) left it ${status}`);
    }

    await arrangeEffects(b);
    let baseline = await snapshot(b);
    for (const role of ROLES) {
      // A's own counters (and the sign-up's, per address) start afresh for each role; B's stay as they are.
      await sql(`DELETE FROM "RateLimiterFlexible" WHERE ((key LIKE 'helpRequest%' OR key LIKE 'volunteerForm%') AND strpos(key, $1) > 0) OR key LIKE 'signup%'`, [a.tenantId]);
      for (const call of calls) {
        const label = `${role} of ${a.slug}: ${call.action.file}#${call.action.name}(${call.args.filter((x) => typeof x === "string").join(", ")})`;
        const reply = await callAction(call.url, call.action.id, call.args, jars[role], { [TENANT_HEADER]: b.slug });
        counts.actions.calls++;
        const result = outcome(reply);
        bump(counts.actions.outcomes, result.replace(/^(form-error|redirect):.*/, "$1"));
        bump((counts.actions.byAction[`${call.action.file}#${call.action.name}`] ??= {}), result);
        check(result !== "action-unavailable", `${label}: the action was not found on ${call.url}`);
        check(reply.status < 500, `${label}: ${reply.status} ${reply.body.slice(0, 200)}`);
        if (call.forgedBound) check(result !== "done", `${label}: succeeded with ${b.slug}'s id`);
        checkReply(b, reply, call.sent, label);
        const after = await snapshot(b);
        const changed = changedTables(baseline, after);
        check(changed.length === 0, `${label}: changed ${b.slug}'s ${changed.join(", ")}`);
        baseline = after;
      }
    }
    expectNoFailures();
  });
}

for (const [aSlug, bSlug] of DIRECTIONS) {
  test(`${aSlug}'s admin inviting and removing ${bSlug}'s admin changes nothing of ${bSlug}: sessions, memberships, tokens, counters, outbox`, async () => {
    const [a, b] = [towns[aSlug], towns[bSlug]];
    const find = (name: string) => serverActions().find((x) => x.name === name)!;
    const admin = await signInOverHttp(town(a.slug), a.people.admin, new Jar());
    await arrangeEffects(b);
    const before = await snapshot(b);
    const membershipOf = () => sql<{ id: string }>(
      `SELECT m.id FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."tenantId" = $1 AND u.email = $2 AND m.role = 'COORDINATOR'`,
      [a.tenantId, b.people.admin]);
    const invited = await callAction(town(a.slug, "/settings"), find("inviteAction").id,
      [STATES.FormState, formData({ email: b.people.admin, role: "COORDINATOR" })], admin);
    const [membership] = await membershipOf();
    expect(membership, `control: ${b.slug}'s admin invited into ${a.slug} (${outcome(invited)})`).toBeTruthy();
    const removed = await callAction(town(a.slug, "/settings"), find("removeMemberAction").id, [membership.id, STATES.FormState, formData({})], admin);
    expect(await membershipOf(), `control: the membership in ${a.slug} removed (${outcome(removed)})`).toEqual([]);
    expect(changedTables(before, await snapshot(b)), `what ${a.slug}'s invitation and removal changed of ${b.slug}`).toEqual([]);
  });
}

test("a session cookie from one site is not accepted on another", async ({ page, context }) => {
  // In a browser: sign in on Leuven, carry the cookie over to Gent by hand.
  await signInAs(page, "leuven", "admin@leuven.example");
  const [cookie] = (await context.cookies(town("leuven"))).filter((c) => c.name === SESSION_COOKIE);
  expect(cookie.domain).toBe("leuven.localhost"); // host-only: the browser itself never sends it elsewhere
  await context.addCookies([{ ...cookie, domain: "gent.localhost" }]);
  await page.goto(town("gent", "/staff/requests"));
  await expect(page).toHaveURL(/gent\.localhost:\d+\/sign-in$/);
  await expect(page.getByRole("banner")).not.toContainText("admin@leuven.example");

  // Over HTTP, every pair of sites: the session answers on its own site only.
  const sites = [["leuven", town("leuven")], ["gent", town("gent")], ["apex", apex()]] as const;
  for (const [name, site] of sites) {
    const email = name === "apex" ? "admin@leuven.example" : towns[name].people.admin;
    const jar = await signInOverHttp(site, email, new Jar());
    const token = jar.get(new URL(site).hostname, SESSION_COOKIE)!;
    for (const [otherName, other] of sites) {
      const session = await send(new URL("/api/auth/session", other).href, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
      const accepted = session.body.includes(email);
      if (otherName === name) check(accepted, `${name}'s session does not work on ${name}`);
      else check(!accepted, `${name}'s session cookie is accepted on ${otherName}`);
    }
  }
  expectNoFailures();
});

test("the same e-mail in both towns sees only that town's profile, offers and export", async () => {
  const jar = new Jar();
  for (const slug of ["leuven", "gent"]) await signInOverHttp(town(slug), TWIN_EMAIL, jar);
  for (const [own, other] of [[towns.leuven, towns.gent], [towns.gent, towns.leuven]]) {
    const home = await send(town(own.slug, "/volunteer"), { jar });
    check(home.body.includes(`${own.mark} Twin`), `${own.slug}: the volunteer page does not greet ${own.slug}'s profile`);
    check(home.body.includes(`${own.publicMark} public summary 2`), `${own.slug}: the volunteer page does not list the own offer`);
    checkReply(other, home, [], `${own.slug} /volunteer`);
    const profile = await send(town(own.slug, "/volunteer/profile"), { jar });
    check(profile.body.includes(`${own.mark} Twin`), `${own.slug}: the profile form does not hold ${own.slug}'s profile`);
    checkReply(other, profile, [], `${own.slug} /volunteer/profile`);

    const exported = await send(town(own.slug, "/volunteer/export"), { jar });
    check(exported.status === 200, `${own.slug} export: ${exported.status}`);
    const data = JSON.parse(exported.body) as { profile: { tenantId: string; name: string; responses: { requestId: string }[] } };
    check(data.profile.tenantId === own.tenantId && data.profile.name === `${own.mark} Twin`, `${own.slug} export holds ${data.profile.name}`);
    check(data.profile.responses.length > 0 && data.profile.responses.every((r) => own.ids.requests.includes(r.requestId)),
      `${own.slug} export: offers ${data.profile.responses.map((r) => r.requestId).join(", ")}`);
    checkReply(other, exported, [], `${own.slug} /volunteer/export`);
  }

  // Deleting the profile in one town leaves the other town's profile alone.
  const remove = serverActions().find((x) => x.name === "deleteProfileAction")!;
  const reply = await callAction(town("gent", "/volunteer"), remove.id, [STATES.FormState, formData({ confirm: "on" })], jar);
  check(outcome(reply) === "redirect:/volunteer", `deleting in gent: ${outcome(reply)}`);
  const left = await sql<{ slug: string }>(
    `SELECT t.slug FROM "VolunteerProfile" v JOIN "Tenant" t ON t.id = v."tenantId" JOIN "User" u ON u.id = v."userId" WHERE u.email = $1`, [TWIN_EMAIL]);
  check(left.map((r) => r.slug).join() === "leuven", `after deleting in gent, profiles left in: ${left.map((r) => r.slug).join()}`);
  check((await send(town("gent", "/volunteer/export"), { jar })).status === 404, "gent's export after deletion is not a 404");
  check((await send(town("leuven", "/volunteer/export"), { jar })).status === 200, "leuven's export went with gent's profile");
  towns.gent = await arrangeTown("gent");
  expectNoFailures();
});
