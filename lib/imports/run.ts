import { randomUUID } from "node:crypto";
import { isLocale } from "@/lib/i18n/locales";
import { invitationToken } from "@/lib/imports/invitation";
import { existingVolunteers, MAX_PROBLEMS } from "@/lib/imports/jobs";
import type { ImportRow, Problem } from "@/lib/imports/validate";
import { givenAddress } from "@/lib/notifications/contacts";
import { notifyAll } from "@/lib/notifications/notify";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { publicTownUrl } from "@/lib/tenancy/urls";

// The worker's side of an import: a confirmed job is written in chunks, each
// chunk one transaction of its town (people, memberships, INVITED profiles,
// their invitations through notify(), the job's counters), so progress is in
// the database after every chunk and a restarted worker continues where the
// last one stopped.

export const CHUNK = 500;

/**
 * Imports the next chunk of one job; returns whether it has rows left. The
 * job's row is locked (SKIP LOCKED), so two workers never write the same
 * chunk; a duplicate that appeared since the preview (someone signed up) is
 * skipped, not doubled.
 */
export async function runImportChunk(tenantId: string, jobId: string, size = CHUNK, now = new Date()): Promise<boolean> {
  return forTenant(tenantId).$transaction(async (tx) => {
    const [job] = await tx.$queryRaw<{ processed: number; left: number; rows: ImportRow[] | null; slug: string; defaultLocale: string }[]>`
      SELECT j.processed, jsonb_array_length(j.rest) AS left,
             jsonb_path_query_array(j.rest, ${`$[0 to ${size - 1}]`}::jsonpath) AS rows, t.slug, t."defaultLocale"
        FROM (SELECT processed, jsonb_path_query_array(rows, ('$[' || processed || ' to last]')::jsonpath) AS rest FROM "ImportJob"
               WHERE "tenantId" = ${tenantId} AND id = ${jobId} AND status IN ('QUEUED', 'RUNNING') FOR UPDATE SKIP LOCKED) j
        JOIN "Tenant" t ON t.id = ${tenantId}`;
    if (!job) return false;
    const rows = job.rows ?? [];
    const problems: Problem[] = [];
    let created = 0;

    if (rows.length > 0) {
      const existing = await existingVolunteers({ id: tenantId }, rows.map((r) => r.email), rows.map((r) => r.phone).filter(Boolean), tx);
      const fresh = rows.filter((r) => {
        const taken = existing.emails.has(r.email) || (r.phone !== "" && existing.phones.has(r.phone));
        if (taken) problems.push({ line: r.line, column: existing.emails.has(r.email) ? "email" : "phone", error: "alreadyVolunteer" });
        return !taken;
      });
      if (fresh.length > 0) {
        // People are global (one per e-mail): someone known from another town keeps their account.
        await tx.user.createMany({ data: fresh.map((r) => ({ email: r.email, name: r.name })), skipDuplicates: true });
        const users = new Map((await tx.user.findMany({ where: { email: { in: fresh.map((r) => r.email) } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
        await tx.membership.createMany({ data: fresh.map((r) => ({ tenantId, id: randomUUID(), userId: users.get(r.email)!, role: "VOLUNTEER" as const })), skipDuplicates: true });
        const memberships = new Map((await tx.membership.findMany({ where: { role: "VOLUNTEER", userId: { in: [...users.values()] } }, select: { id: true, userId: true } })).map((m) => [m.userId, m.id]));
        const places = new Map((await tx.area.findMany({ where: { postcode: { in: fresh.map((r) => r.postcode) }, latitude: { not: null } }, select: { postcode: true, latitude: true, longitude: true } })).map((a) => [a.postcode, a]));
        const profiles = fresh.map((r) => {
          const userId = users.get(r.email)!;
          const place = places.get(r.postcode);
          return {
            tenantId, id: randomUUID(), membershipId: memberships.get(userId)!, userId, name: r.name, phone: r.phone, postcode: r.postcode,
            latitude: place?.latitude ?? null, longitude: place?.longitude ?? null, categoryIds: r.categoryIds, languages: r.languages,
            skills: r.skills, availability: [], status: "INVITED" as const, codeOfConductAt: null, invitedAt: now,
          };
        });
        // A profile made meanwhile by the person themselves wins (and gets no invitation).
        const made = new Set((await tx.volunteerProfile.createManyAndReturn({ data: profiles, skipDuplicates: true, select: { id: true } })).map((p) => p.id));
        created = made.size;
        const fallback = isLocale(job.defaultLocale) ? job.defaultLocale : "nl";
        const emailOf = new Map(fresh.map((r) => [users.get(r.email)!, r.email]));
        await notifyAll(tx, { id: tenantId }, profiles.filter((p) => made.has(p.id)).map((p) => ({
          to: givenAddress(emailOf.get(p.userId)), template: "volunteer-invitation" as const, locale: p.languages.find(isLocale) ?? fallback,
          data: { name: p.name, url: publicTownUrl(job.slug, `/invitation/${invitationToken(tenantId, p.id, now)}`) },
        })), now);
      }
    }

    const done = job.left <= rows.length;
    const skipped = rows.length - created;
    await tx.$executeRaw`
      UPDATE "ImportJob" SET processed = processed + ${rows.length}, created = created + ${created}, skipped = skipped + ${skipped},
             problems = CASE WHEN jsonb_array_length(problems) >= ${MAX_PROBLEMS} THEN problems ELSE problems || ${JSON.stringify(problems)}::jsonb END,
             status = ${done ? "DONE" : "RUNNING"}::"ImportStatus", "finishedAt" = ${done ? now : null},
             -- The personal data waited here only to be imported.
             rows = CASE WHEN ${done} THEN '[]'::jsonb ELSE rows END, "updatedAt" = ${now}
       WHERE "tenantId" = ${tenantId} AND id = ${jobId}`;
    return !done;
  }, { timeout: 60_000 });
}

/** The worker's tick: imports chunks of confirmed jobs, oldest first, for at most `budgetMs` (the outbox's turn comes next). */
export async function runImports(budgetMs = 1_500): Promise<number> {
  const started = performance.now();
  const jobs = await systemDb.importJob.findMany({ where: { status: { in: ["QUEUED", "RUNNING"] } }, select: { tenantId: true, id: true }, orderBy: { confirmedAt: "asc" }, take: 5 });
  let chunks = 0;
  for (const job of jobs) {
    while (performance.now() - started < budgetMs) {
      chunks++;
      if (!(await runImportChunk(job.tenantId, job.id))) break;
    }
  }
  return chunks;
}
