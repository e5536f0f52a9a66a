import { prisma } from "@/lib/db/client";

export type DirectoryTown = { slug: string; name: string; primaryColor: string };
export type DirectoryPage = { towns: DirectoryTown[]; page: number; pages: number };

export const DIRECTORY_PAGE_SIZE = 48;
// The apex landing is the busiest page with no town: it reads the directory
// once per 30 seconds per page, not on every view. Changes to a town made
// through this process clear it at once (invalidateTenant).
const TTL_MS = 30_000;
const cache = new Map<number, { value: DirectoryPage; expires: number }>();

/** One page (from 1) of the towns listed on the apex, active ones by name; past the end, the last page. */
export async function townDirectory(page = 1): Promise<DirectoryPage> {
  const wanted = Number.isSafeInteger(page) && page > 0 ? page : 1;
  const now = Date.now();
  const hit = cache.get(wanted);
  if (hit && hit.expires > now) return hit.value;
  const where = { status: "ACTIVE" as const };
  const total = await prisma.tenant.count({ where });
  const pages = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
  const current = Math.min(wanted, pages);
  const towns = await prisma.tenant.findMany({
    where, orderBy: [{ name: "asc" }, { slug: "asc" }], skip: (current - 1) * DIRECTORY_PAGE_SIZE, take: DIRECTORY_PAGE_SIZE,
    select: { slug: true, name: true, primaryColor: true },
  });
  const value = { towns, page: current, pages };
  cache.set(wanted, { value, expires: now + TTL_MS });
  return value;
}

export function forgetDirectory(): void {
  cache.clear();
}
