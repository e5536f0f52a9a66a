import { prisma } from "@/lib/db/client";

export type DirectoryTown = { slug: string; name: string; primaryColor: string };
export type DirectoryPage = { towns: DirectoryTown[]; page: number; pages: number };

export const DIRECTORY_PAGE_SIZE = 48;
// The apex landing is the busiest page with no town: it reads the directory
// once per 30 seconds per page, not on every view. Changes to a town made
// through this process clear it at once (invalidateTenant).
const TTL_MS = 30_000;
// Keyed by the page served, never by the page asked for: an address bar
// cannot grow the cache (?page=1, 2, … 10^15 all end on the last page).
let counted: { total: number; expires: number } | null = null;
const cache = new Map<number, { value: DirectoryPage; expires: number }>();

/** One page (from 1) of the towns listed on the apex, active ones by name; past the end, the last page. */
export async function townDirectory(page = 1): Promise<DirectoryPage> {
  const wanted = Number.isSafeInteger(page) && page > 0 ? page : 1;
  const now = Date.now();
  const where = { status: "ACTIVE" as const };
  if (!counted || counted.expires <= now) counted = { total: await prisma.tenant.count({ where }), expires: now + TTL_MS };
  const pages = Math.max(1, Math.ceil(counted.total / DIRECTORY_PAGE_SIZE));
  const current = Math.min(wanted, pages);
  const hit = cache.get(current);
  if (hit && hit.expires > now) return hit.value;
  const towns = await prisma.tenant.findMany({
    where, orderBy: [{ name: "asc" }, { slug: "asc" }], skip: (current - 1) * DIRECTORY_PAGE_SIZE, take: DIRECTORY_PAGE_SIZE,
    select: { slug: true, name: true, primaryColor: true },
  });
  const value = { towns, page: current, pages };
  cache.set(current, { value, expires: now + TTL_MS });
  return value;
}

export function forgetDirectory(): void {
  counted = null;
  cache.clear();
}
