import { sessionTokenFor } from "../../../lib/auth/site-session";
import { concernLinkToken } from "../../../lib/concerns/link-token";
import { invitationToken } from "../../../lib/imports/invitation";
import { arrangeAlert } from "./alert-fixture";
import { sql } from "./site";

// Two towns with every role and every kind of object, for the tenant
// isolation suite. Rows are written directly (they belong to two towns at
// once) and are idempotent: each run restores the same state.

/** One e-mail with a volunteer profile in every town, under a different name in each. */
export const TWIN_EMAIL = "twin@isolation.example";

export type Role = "anonymous" | "volunteer" | "organisation" | "staff" | "coordinator" | "admin";
export const ROLES: Role[] = ["anonymous", "volunteer", "organisation", "staff", "coordinator", "admin"];

export type Town = {
  slug: string;
  tenantId: string;
  /** Text every personal or internal field of this town's test objects carries. */
  mark: string;
  /** Text of the fields anyone may see on this town's own site (published requests' summary and neighbourhood). */
  publicMark: string;
  /** The signed-in people of this town, by role. */
  people: Record<Exclude<Role, "anonymous">, string>;
  /** Ids of this town's objects, by kind, for forged URLs, bound arguments and form fields. */
  ids: {
    requests: string[]; volunteers: string[]; vacancies: string[]; organisations: string[]; memberships: string[];
    responses: string[]; assignments: string[]; applications: string[]; notes: string[]; categories: string[]; areas: string[];
    domains: string[]; outbox: string[]; callbacks: string[];
    /** One-click tokens of alerts sent in this town (signed for its open request and volunteer). */
    alerts: string[];
    /** Its volunteer imports (a preview by its coordinator), and invitation links signed for it. */
    imports: string[];
    invitations: string[];
    /** Its partner's referral of a resident, and an open invitation to join that partner. */
    referrals: string[];
    partnerInvitations: string[];
    /** Issue 21: its concerns (its admin is also its safeguarding lead), a resident's concern link, its volunteer's logged hours. */
    concerns: string[];
    concernLinks: string[];
    helpLogs: string[];
  };
  /** A reference only this town has (the thanks page looks requests up by it). */
  reference: string;
  /** How a resident of this town is found (staff look residents up by phone or e-mail). */
  resident: { phone: string; email: string };
  /** Strings only this town's own people may see: markers, phone numbers, e-mails of its people. */
  markers: string[];
  /** Every id of this town's rows (audit log aside), to spot any of them in another town's answers. */
  allIds: Set<string>;
  /** The ids its own site shows to anyone: categories, areas, published open requests. */
  publicIds: Set<string>;
};

const PEOPLE: Record<string, Town["people"]> = {
  leuven: {
    volunteer: "volunteer1@leuven.example", organisation: "carehome@leuven.example", staff: "staff@leuven.example",
    coordinator: "coordinator@leuven.example", admin: "admin@leuven.example",
  },
  gent: {
    volunteer: "volunteer1@gent.example", organisation: "partner@gent.example", staff: "staff@gent.example",
    coordinator: "coordinator@gent.example", admin: "admin@gent.example",
  },
};

const PHONE_PREFIX: Record<string, string> = { leuven: "+3216990", gent: "+3292990" };

export async function arrangeTown(slug: string): Promise<Town> {
  const [{ id: tenantId }] = await sql<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = $1`, [slug]);
  const mark = `ISOMARK-${slug.toUpperCase()}`;
  const publicMark = `ISOPUB-${slug.toUpperCase()}`;
  const id = (name: string) => `iso-${slug}-${name}`;
  const phone = (n: number) => `${PHONE_PREFIX[slug]}${String(n).padStart(3, "0")}`;
  const [{ id: categoryId }] = await sql<{ id: string }>(
    `SELECT id FROM "Category" WHERE "tenantId" = $1 AND active ORDER BY position, id LIMIT 1`, [tenantId]);

  const members: [string, string, string][] = [
    [`coordinator@${slug}.example`, "COORDINATOR", `${mark} Coordinator`],
    [`staff@${slug}.example`, "STAFF", `${mark} Staff`],
    [`partner@${slug}.example`, "ORGANISATION", `${mark} Partner`],
    [`isovolunteer@${slug}.example`, "VOLUNTEER", `${mark} Volunteer`],
    [TWIN_EMAIL, "VOLUNTEER", "Twin"],
  ];
  for (const [email, role, name] of members) {
    await sql(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, $3, now()) ON CONFLICT (email) DO NOTHING`,
      [`iso-user-${email.replace(/\W/g, "-")}`, email, name]);
    await sql(
      `INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT $1, $2, u.id, $3::"Role" FROM "User" u WHERE u.email = $4
       ON CONFLICT DO NOTHING`,
      [tenantId, id(`m-${email.split("@")[0]}-${role.toLowerCase()}`), role, email]);
  }

  const profile = (profileId: string, email: string, name: string, n: number) => sql(
    `INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, "maxDistanceKm", "categoryIds",
                                     languages, availability, skills, "codeOfConductAt", "updatedAt")
     SELECT $1, $2, m.id, m."userId", $3, $4, '1000', 5, ARRAY[$5::text], ARRAY['nl','en'], ARRAY['MON_MORNING'], ARRAY[]::text[], now(), now()
       FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."tenantId" = $1 AND m.role = 'VOLUNTEER' AND u.email = $6
     ON CONFLICT ("tenantId", id) DO UPDATE SET status = 'ACTIVE', name = EXCLUDED.name`,
    [tenantId, profileId, name, phone(n), categoryId, email]);
  await profile(id("volunteer"), `isovolunteer@${slug}.example`, `${mark} Volunteer`, 101);
  await profile(id("twin"), TWIN_EMAIL, `${mark} Twin`, 102);
  // The twin's browser takes this town's push notifications (another town's "Stop" must not end it).
  await sql(
    `INSERT INTO "PushSubscription" ("tenantId", id, "profileId", endpoint, p256dh, auth) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [tenantId, id("push"), id("twin"), `https://fcm.googleapis.com/fcm/send/iso-${slug}-own`, `B${"A".repeat(86)}`, "A".repeat(22)]);

  await sql(
    `INSERT INTO "Organisation" ("tenantId", id, name, description, kind) VALUES ($1, $2, $3, $4, 'SOCIAL_SERVICE') ON CONFLICT DO NOTHING`,
    [tenantId, id("org"), `${mark} Organisation`, `${mark} organisation description`]);
  // Its manager: the partner account; its referral of the first resident; an open invitation to a colleague.
  await sql(
    `INSERT INTO "OrganisationMember" ("tenantId", id, "organisationId", "membershipId", role, name, phone)
     SELECT $1, $2, $3, m.id, 'MANAGER', $4, $5 FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      WHERE m."tenantId" = $1 AND m.role = 'ORGANISATION' AND u.email = $6
     ON CONFLICT DO NOTHING`,
    [tenantId, id("org-manager"), id("org"), `${mark} Partner`, phone(103), `partner@${slug}.example`]);
  await sql(
    `INSERT INTO "PartnerInvitation" ("tenantId", id, "organisationId", email, role, "expiresAt") VALUES ($1, $2, $3, $4, 'REFERRER', now() + interval '2 days')
     ON CONFLICT ("tenantId", id) DO UPDATE SET "acceptedAt" = NULL, "expiresAt" = EXCLUDED."expiresAt"`,
    [tenantId, id("partner-invitation"), id("org"), `invitee@${slug}.example`]);
  await sql(
    `INSERT INTO "Vacancy" ("tenantId", id, "organisationId", title, description, skills, places)
     VALUES ($1, $2, $3, $4, $5, ARRAY[]::text[], 2)
     ON CONFLICT ("tenantId", id) DO UPDATE SET status = 'OPEN'`,
    [tenantId, id("vacancy"), id("org"), `${mark} Vacancy`, `${mark} vacancy description`]);

  const requests = [
    { n: 1, status: "NEW" }, { n: 2, status: "OPEN" }, { n: 3, status: "MATCHED" },
  ];
  for (const { n, status } of requests) {
    await sql(
      `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, description, "publicSummary", neighbourhood, postcode,
                                  "timeWindow", "residentName", "residentPhone", "residentEmail", "residentAddress", "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5::"RequestStatus", $6, $7, $8, '1000', $9, $10, $11, $12, $13, CASE WHEN $5::"RequestStatus" = 'NEW' THEN NULL ELSE now() END, now())
       ON CONFLICT ("tenantId", id) DO UPDATE SET status = EXCLUDED.status, "maxResponses" = NULL, "publicSummary" = EXCLUDED."publicSummary",
                                                   neighbourhood = EXCLUDED.neighbourhood, urgency = 'NORMAL', "ageGroup" = 'UNKNOWN', recurrence = 'NONE', "closedAt" = NULL`,
      [tenantId, id(`req${n}`), `ISO-${slug.toUpperCase()}-${n}`.slice(0, 12), categoryId, status, `${mark} description ${n}`,
        `${publicMark} public summary ${n}`, status === "NEW" ? `${mark} Wijk` : `${publicMark} Wijk`, "Tuesday morning", `${mark} Resident ${n}`, phone(n),
        `resident${n}@${mark.toLowerCase()}.example`, `${mark} Street ${n}`]);
  }
  await sql(
    `INSERT INTO "Referral" ("tenantId", id, "requestId", "organisationId", "referrerName", "referrerPhone") VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [tenantId, id("referral"), id("req1"), id("org"), `${mark} Referrer`, phone(103)]);
  await sql(
    `INSERT INTO "RequestNote" ("tenantId", id, "requestId", body) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [tenantId, id("note"), id("req1"), `${mark} internal note`]);
  // A call owed to the first resident, open again on every run (the list shows it, "Called back" changes it).
  await sql(
    `INSERT INTO "Callback" ("tenantId", id, "requestId", reason, "dueAt") VALUES ($1, $2, $3, 'NEW_REQUEST', now() + interval '4 hours')
     ON CONFLICT ("tenantId", id) DO UPDATE SET "calledAt" = NULL, "calledById" = NULL`,
    [tenantId, id("callback"), id("req1")]);
  const response = (responseId: string, requestId: string, volunteerId: string, status: string, message: string) => sql(
    `INSERT INTO "Response" ("tenantId", id, "requestId", "volunteerId", message, status, "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6::"ResponseStatus", now())
     ON CONFLICT ("tenantId", id) DO UPDATE SET status = EXCLUDED.status`,
    [tenantId, responseId, requestId, volunteerId, message, status]);
  await response(id("response-open"), id("req2"), id("volunteer"), "PENDING", `${mark} offer`);
  await response(id("response-twin"), id("req2"), id("twin"), "PENDING", `${mark} twin offer`);
  await response(id("response-matched"), id("req3"), id("volunteer"), "ASSIGNED", `${mark} chosen offer`);
  await sql(
    `INSERT INTO "Assignment" ("tenantId", id, "requestId", "volunteerId") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("tenantId", id) DO UPDATE SET "doneAt" = NULL, feedback = NULL, problem = false`,
    [tenantId, id("assignment"), id("req3"), id("volunteer")]);
  await sql(
    `INSERT INTO "VacancyApplication" ("tenantId", id, "vacancyId", "volunteerId", message) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [tenantId, id("application"), id("vacancy"), id("volunteer"), `${mark} application`]);
  await sql(
    `INSERT INTO "AuditLog" ("tenantId", id, action, "subjectType", "subjectId", details) VALUES ($1, $2, 'request.view', 'HelpRequest', $3, $4)
     ON CONFLICT DO NOTHING`,
    [tenantId, id("audit"), id("req1"), JSON.stringify({ note: `${mark} audit` })]);
  // Safeguarding (issue 21): the admin is also the town's lead; a concern naming its volunteer; hours logged on the finished assignment.
  await sql(
    `INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT $1, $2, u.id, 'SAFEGUARDING' FROM "User" u WHERE u.email = $3 ON CONFLICT DO NOTHING`,
    [tenantId, id("m-lead"), PEOPLE[slug].admin]);
  await sql(
    `INSERT INTO "Concern" ("tenantId", id, source, about, body, "requestId", "subjectVolunteerId", deadline, "updatedAt")
     VALUES ($1, $2, 'RESIDENT_PHONE', $3, $4, $5, $6, now() + interval '2 days', now())
     ON CONFLICT ("tenantId", id) DO UPDATE SET status = 'NEW', "closedAt" = NULL, "pausedAt" = NULL`,
    [tenantId, id("concern"), `${mark} concern about`, `${mark} concern body`, id("req3"), id("volunteer")]);
  await sql(
    `INSERT INTO "HelpLog" ("tenantId", id, "assignmentId", "volunteerId", "categoryId", day, minutes, visits, "updatedAt")
     VALUES ($1, $2, $3, $4, $5, current_date, 90, 1, now())
     ON CONFLICT ("tenantId", id) DO UPDATE SET status = 'PENDING', "confirmedById" = NULL, "confirmedAt" = NULL`,
    [tenantId, id("helplog"), id("assignment"), id("volunteer"), categoryId]);
  const domain = `helpt.iso-${slug}.example`;
  await sql(
    `INSERT INTO "Domain" (host, "tenantId", "verificationToken") VALUES ($1, $2, $3) ON CONFLICT (host) DO NOTHING`,
    [domain, tenantId, `${mark.toLowerCase()}-token`]);

  const column = async (table: string, where = "") =>
    (await sql<{ id: string }>(`SELECT id FROM "${table}" WHERE "tenantId" = $1 ${where} ORDER BY id`, [tenantId])).map((r) => r.id);
  const [demo] = await column("HelpRequest", `AND reference = 'DEMO-1'`);
  const memberships = await sql<{ id: string }>(
    `SELECT m.id FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."tenantId" = $1 AND u.email = ANY($2) ORDER BY m.role`,
    [tenantId, [PEOPLE[slug].admin, PEOPLE[slug].coordinator, `partner@${slug}.example`]]);
  const ids: Town["ids"] = {
    requests: [id("req1"), id("req2"), id("req3"), ...(demo ? [demo] : [])],
    volunteers: [id("volunteer"), id("twin")],
    vacancies: [id("vacancy")],
    organisations: [id("org")],
    memberships: memberships.map((m) => m.id),
    responses: [id("response-open"), id("response-matched")],
    assignments: [id("assignment")],
    applications: [id("application")],
    notes: [id("note")],
    categories: (await column("Category")).slice(0, 2),
    areas: (await column("Area")).slice(0, 1),
    domains: [domain],
    callbacks: [id("callback")],
    outbox: (await sql<{ id: string }>(`SELECT id FROM "OutboxEmail" WHERE "tenantId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [tenantId])).map((r) => r.id),
    alerts: [await arrangeAlert(tenantId, id("req2"), id("twin"))],
    imports: [await arrangeImport(tenantId, id("import"), PEOPLE[slug].coordinator)],
    invitations: [invitationToken(tenantId, id("invited"))],
    referrals: [id("referral")],
    partnerInvitations: [id("partner-invitation")],
    concerns: [id("concern")],
    concernLinks: [concernLinkToken(tenantId, id("req3"))],
    helpLogs: [id("helplog")],
  };

  const tables = ["HelpRequest", "Response", "RequestNote", "VolunteerProfile", "Membership", "Organisation", "Vacancy",
    "VacancyApplication", "Assignment", "Area", "Category", "Callback", "ImportJob", "OrganisationMember", "PartnerInvitation", "Referral", "Concern", "HelpLog"];
  const allIds = new Set([tenantId, id("audit")]);
  for (const table of tables) for (const rowId of await column(table)) allIds.add(rowId);
  const publicIds = new Set([...await column("Category"), ...await column("Area"), ...await column("HelpRequest", `AND status = 'OPEN' AND "publishedAt" IS NOT NULL`)]);
  const people = PEOPLE[slug];
  return {
    slug, tenantId, mark, publicMark, people, ids, allIds, publicIds,
    reference: `ISO-${slug.toUpperCase()}-1`.slice(0, 12),
    resident: { phone: phone(1), email: `resident1@${mark.toLowerCase()}.example` },
    markers: [
      mark, mark.toLowerCase(), domain, ...[1, 2, 3, 101, 102, 103].map(phone),
      ...Object.values(people), `isovolunteer@${slug}.example`, `partner@${slug}.example`,
    ],
  };
}

/** A volunteer import's preview by one of the town's people (one row to import, carrying the town's mark). */
async function arrangeImport(tenantId: string, jobId: string, email: string): Promise<string> {
  const mark = (await sql<{ slug: string }>(`SELECT slug FROM "Tenant" WHERE id = $1`, [tenantId]))[0].slug.toUpperCase();
  const rows = [{ line: 2, name: `ISOMARK-${mark} imported`, email: `imported@isomark-${mark.toLowerCase()}.example`, phone: "", postcode: "3000", languages: ["nl"], categoryIds: [], skills: [] }];
  await sql(
    `INSERT INTO "ImportJob" ("tenantId", id, "createdById", "fileName", status, total, rows, "updatedAt")
     SELECT $1, $2, u.id, $3, 'PREVIEW', 1, $4, now() FROM "User" u WHERE u.email = $5
     ON CONFLICT ("tenantId", id) DO UPDATE SET status = 'PREVIEW', processed = 0, created = 0, skipped = 0, rows = EXCLUDED.rows, "confirmedAt" = NULL`,
    [tenantId, jobId, `ISOMARK-${mark}.csv`, JSON.stringify(rows), email]);
  return jobId;
}

/**
 * What a town has beyond its tables' rows, for the effects checks: a session
 * issued on its site, an unused sign-in token of its admin, and rate-limit
 * counters keyed on it. Written directly (idempotent), so that an action of
 * another town that ends, redeems or resets them shows in the snapshot.
 */
export async function arrangeEffects(town: Town): Promise<void> {
  const site = sessionTokenFor(town.slug).split(".")[0];
  await sql(
    `INSERT INTO "Session" ("sessionToken", "userId", expires) SELECT $1, u.id, now() + interval '1 day' FROM "User" u WHERE u.email = $2
     ON CONFLICT ("sessionToken") DO UPDATE SET expires = EXCLUDED.expires`,
    [`${site}.isolation-effects`, town.people.admin]);
  await sql(`DELETE FROM "VerificationToken" WHERE identifier = $1 AND token = $2`, [town.people.admin, `isolation-effects-${town.slug}`]);
  // Bound to the town's site (lib/tenancy/site.ts: the town's id), as a link asked there is.
  await sql(`INSERT INTO "VerificationToken" (identifier, token, expires, site) VALUES ($1, $2, now() + interval '1 day', $3)`,
    [town.people.admin, `isolation-effects-${town.slug}`, town.tenantId]);
  for (const key of [`helpRequestPerTown:${town.tenantId}`, `helpRequestPerIp:${town.tenantId}:198.51.100.7`, `volunteerFormPerIp:${town.tenantId}:198.51.100.7`]) {
    await sql(`INSERT INTO "RateLimiterFlexible" (key, points, expire) VALUES ($1, 1, now() + interval '1 hour')
               ON CONFLICT (key) DO UPDATE SET points = 1, expire = EXCLUDED.expire`, [key]);
  }
}

/** Rows the effects checks only require to stay as they were; new ones may appear (a sign-in link asked elsewhere for one of its people). */
const KEPT = "kept ";

/**
 * A fingerprint of everything a town owns, per table: every table with a
 * tenantId column (found in the schema, so new tables are included), the
 * town's own row, its outboxes (without the delivery state the worker changes)
 * and its people's accounts; and its effects beyond those tables: sessions
 * issued on its site or held by its own people, rate-limit counters keyed on
 * it, and (each kept as it was) its people's sign-in tokens.
 */
export async function snapshot(town: Pick<Town, "tenantId" | "slug">): Promise<Record<string, string>> {
  const { tenantId, slug } = town;
  const tables = (await sql<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'tenantId' AND table_name NOT IN ('OutboxEmail', 'OutboxSms') ORDER BY table_name`,
  )).map((r) => r.table_name);
  const digest = (expr: string) => `count(*) || ':' || md5(coalesce(string_agg(${expr}, '|' ORDER BY ${expr}), ''))`;
  // Its people: members of this town and of no other (one e-mail in both towns is the twin's).
  const people = `SELECT "userId" FROM "Membership" WHERE "tenantId" = $1 EXCEPT SELECT "userId" FROM "Membership" WHERE "tenantId" <> $1`;
  const rows = await sql<{ name: string; digest: string }>(
    [
      ...tables.map((t) => `SELECT '${t}' AS name, ${digest("x::text")} AS digest FROM "${t}" x WHERE x."tenantId" = $1`),
      `SELECT 'Tenant', ${digest("x::text")} FROM "Tenant" x WHERE x.id = $1`,
      `SELECT 'OutboxEmail', ${digest(`concat_ws(',', x.id, x.template, x."to", x.data::text)`)} FROM "OutboxEmail" x WHERE x."tenantId" = $1`,
      `SELECT 'OutboxSms', ${digest(`concat_ws(',', x.id, x.template, x."to", x.data::text)`)} FROM "OutboxSms" x WHERE x."tenantId" = $1`,
      `SELECT 'User', ${digest(`concat_ws(',', x.id, x.email, x.name, x."isPlatformAdmin", x."blockedAt")`)} FROM "User" x
        WHERE x.id IN (SELECT "userId" FROM "Membership" WHERE "tenantId" = $1)`,
      `SELECT 'Session (its site)', ${digest(`concat_ws(',', x."sessionToken", x."userId", x.expires)`)} FROM "Session" x WHERE starts_with(x."sessionToken", $2)`,
      `SELECT 'Session (its people)', ${digest(`concat_ws(',', x."sessionToken", x."userId", x.expires)`)} FROM "Session" x WHERE x."userId" IN (${people})`,
      `SELECT 'RateLimiterFlexible', ${digest(`concat_ws(',', x.key, x.points, x.expire)`)} FROM "RateLimiterFlexible" x
        WHERE strpos(x.key, $1) > 0 OR x.key ~ ('(^|[:|])' || $3 || '([.:|]|$)')`,
      `SELECT '${KEPT}VerificationToken ' || md5(x.identifier || ':' || x.token), x.expires::text FROM "VerificationToken" x
        WHERE EXISTS (SELECT 1 FROM "User" u WHERE u.id IN (${people}) AND strpos(lower(x.identifier), lower(u.email)) > 0)`,
    ].join(" UNION ALL "),
    [tenantId, `${sessionTokenFor(slug).split(".")[0]}.`, slug],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

/** Tables whose fingerprint differs (a kept row: only when it changed or went). */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((t) => before[t] !== after[t] && !(t.startsWith(KEPT) && !(t in before)))
    .map((t) => (t.startsWith(KEPT) ? t.slice(KEPT.length).split(" ")[0] : t));

/**
 * The markers and ids of `town` found in `text`: all of them (on another
 * town's site), or only the non-public ones (on its own site, for people who
 * are not its members). What the request itself carried (a forged id, a
 * search term) is taken out first: echoing the question back is not a leak.
 */
export function leaksOf(town: Town, text: string, sent: Iterable<string>, scope: "all" | "private" = "all"): string[] {
  let rest = text;
  for (const value of [...sent].filter((v) => v.length >= 4).sort((a, b) => b.length - a.length)) {
    for (const form of new Set([value, encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, "+")])) rest = rest.split(form).join(" ");
  }
  const markers = scope === "all" ? [...town.markers, town.publicMark] : town.markers;
  const found = markers.filter((m) => rest.includes(m));
  const tokens = new Set(rest.split(/[^A-Za-z0-9]+/));
  for (const rowId of town.allIds) {
    if (scope === "private" && town.publicIds.has(rowId)) continue;
    if (/[^A-Za-z0-9]/.test(rowId) ? rest.includes(rowId) : tokens.has(rowId)) found.push(rowId);
  }
  return found;
}
