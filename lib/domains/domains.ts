import { randomBytes } from "node:crypto";
import { Resolver } from "node:dns/promises";
import { isUniqueViolation } from "@/lib/db/errors";
import { env } from "@/lib/env";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { parseHost } from "@/lib/tenancy/parse-host";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { invalidateTenant } from "@/lib/tenancy/resolve";
import { challengeName, challengeValue, MAX_DOMAINS } from "./rules";

/** The one DNS call verification needs; injectable so tests and staging can use their own server. */
export type TxtResolver = { resolveTxt(name: string): Promise<string[][]> };

/**
 * A resolver that gives up after a few seconds, so a slow or dead name server
 * cannot hang the admin's request. HELPT_DNS_SERVER ("127.0.0.1:5353", comma-
 * separated for several) replaces the system's name servers.
 */
export function defaultResolver(): TxtResolver {
  const resolver = new Resolver({ timeout: 2_000, tries: 2 });
  const servers = process.env.HELPT_DNS_SERVER?.split(",").map((s) => s.trim()).filter(Boolean);
  if (servers?.length) resolver.setServers(servers);
  return resolver;
}

/**
 * What an admin typed, as a host we may serve: lower-case, without scheme,
 * path, port or trailing dot. Null for anything that is not a foreign host
 * (the platform's own domain and its subdomains route by slug already).
 */
export function normaliseHost(input: string): string | null {
  const bare = input.trim().replace(/^https?:\/\//i, "").replace(/\/.*$/, "");
  const match = parseHost(bare, env().ROOT_DOMAIN);
  return match.kind === "custom" ? match.host : null;
}

// Hosts of existing rows: only case and a trailing dot may differ, so a row
// stays removable even if ROOT_DOMAIN changes later.
const rowKey = (host: string) => host.trim().toLowerCase().replace(/\.$/, "");


/** Node's DNS errors (ENOTFOUND, ENODATA, ETIMEOUT, ECONNREFUSED, ...) all carry a string code. */
const isDnsError = (e: unknown) => e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string";

/** Claims `input` for the town, unverified, with a fresh token; adding an address the town already has returns it. */
export async function addDomain(tenant: { id: string }, input: string) {
  const host = normaliseHost(input);
  if (!host) throw new InvalidInput({ host: "invalidDomain" });
  try {
    // In the town's own scope: another town's claim on the host is invisible
    // here and surfaces as the unique violation below.
    return await forTenant(tenant.id).$transaction(async (tx) => {
      // Locking the town row serialises its adds, so two at once cannot both pass the limit.
      await tx.$queryRaw`SELECT 1 FROM "Tenant" WHERE "id" = ${tenant.id} FOR UPDATE`;
      const existing = await tx.domain.findUnique({ where: { host } });
      if (existing) return existing;
      if ((await tx.domain.count({ where: { tenantId: tenant.id } })) >= MAX_DOMAINS) {
        throw new InvalidInput({ host: "tooManyDomains" });
      }
      return tx.domain.create({ data: { host, tenantId: tenant.id, verificationToken: randomBytes(16).toString("hex") } });
    });
  } catch (error) {
    // Another town has the host (or inserted it between our read and our insert).
    if (isUniqueViolation(error)) throw new InvalidInput({ host: "domainTaken" });
    throw error;
  }
}

/** The town's own addresses, oldest first. */
export async function listDomains(tenant: { id: string }) {
  return forTenant(tenant.id).domain.findMany({
    where: { tenantId: tenant.id },
    select: { host: true, verificationToken: true, verifiedAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Stops serving the town on `host` at once (in this process; elsewhere within the cache TTL). */
export async function removeDomain(tenant: { id: string; slug: string }, host: string) {
  const { count } = await forTenant(tenant.id).domain.deleteMany({ where: { host: rowKey(host), tenantId: tenant.id } });
  if (count === 0) throw new NotFoundInTenant("domain");
  invalidateTenant(tenant);
}

/**
 * Marks `host` verified when a TXT record at `_helpt-challenge.<host>` holds
 * this claim's token. A missing record, a wrong token or a failed lookup all
 * answer "not verified yet": DNS trouble is the admin's to fix, not a crash.
 */
export async function verifyDomain(tenant: { id: string }, host: string, resolver: TxtResolver = defaultResolver()) {
  const key = rowKey(host);
  const domain = await forTenant(tenant.id).domain.findFirst({ where: { host: key, tenantId: tenant.id } });
  if (!domain) throw new NotFoundInTenant("domain");
  if (domain.verifiedAt) return domain;

  const records = await resolver.resolveTxt(challengeName(key)).catch((error: unknown) => {
    if (isDnsError(error)) return [];
    throw error;
  });
  const expected = challengeValue(domain.verificationToken);
  // Long TXT values arrive in 255-byte chunks; some DNS panels store the quotes people paste.
  const found = records.some((chunks) => chunks.join("").trim().replace(/^"(.*)"$/, "$1") === expected);
  if (!found) throw new InvalidTransition("domainNotVerified");

  const verifiedAt = new Date();
  const { count } = await forTenant(tenant.id).domain.updateMany({ where: { host: key, tenantId: tenant.id }, data: { verifiedAt } });
  if (count === 0) throw new NotFoundInTenant("domain");
  // The host's cached "unknown" entry is keyed by the host, not tied to the town's slug: clear all.
  invalidateTenant();
  return { ...domain, verifiedAt };
}
