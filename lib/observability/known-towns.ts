import { parseHost } from "@/lib/tenancy/parse-host";
import { systemDb } from "@/lib/tenancy/system";

const REFRESH_MS = 60_000;
const state = globalThis as unknown as { helptKnownTowns?: { at: number; byKey: Map<string, string>; loading?: Promise<void> } };

async function load() {
  const [towns, domains] = await Promise.all([
    systemDb.tenant.findMany({ select: { slug: true } }),
    systemDb.domain.findMany({ where: { verifiedAt: { not: null } }, select: { host: true, tenant: { select: { slug: true } } } }),
  ]);
  const byKey = new Map<string, string>(towns.map((t) => [t.slug, t.slug]));
  for (const d of domains) byKey.set(d.host, d.tenant.slug);
  state.helptKnownTowns = { at: Date.now(), byKey };
}

/**
 * The town slug for a Host header, only for towns that exist (refreshed each
 * minute in the background): a forged host must not mint a new metric label.
 */
export function knownTownSlug(host: string | undefined, rootDomain: string): string | undefined {
  const cached = state.helptKnownTowns;
  if ((!cached || Date.now() - cached.at > REFRESH_MS) && !cached?.loading) {
    const loading = load().catch(() => undefined).finally(() => {
      if (state.helptKnownTowns) state.helptKnownTowns.loading = undefined;
    });
    if (cached) cached.loading = loading;
    else state.helptKnownTowns = { at: 0, byKey: new Map(), loading };
  }
  const match = parseHost(host, rootDomain);
  const key = match.kind === "tenant" ? match.slug : match.kind === "custom" ? match.host : undefined;
  return key ? state.helptKnownTowns?.byKey.get(key) : undefined;
}
