import { prisma } from "@/lib/db/client";
import { RESERVED_SUBDOMAINS, SLUG_PATTERN } from "@/lib/tenancy/parse-host";

/** "Sint-Niklaas" → "sint-niklaas", "Liège" → "liege". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

export type SlugCheck = { available: boolean; reason?: "invalidSlug" | "reservedSlug" | "slugTaken"; suggestions: string[] };

/** Whether a subdomain can be taken now, and alternatives when it cannot. */
export async function checkSlug(slug: string): Promise<SlugCheck> {
  if (!SLUG_PATTERN.test(slug)) return { available: false, reason: "invalidSlug", suggestions: [] };
  const candidates = [`${slug}-helpt`, `helpt-${slug}`, `${slug}-2`].filter((s) => SLUG_PATTERN.test(s));
  const taken = new Set(
    (await prisma.tenant.findMany({ where: { slug: { in: [slug, ...candidates] } }, select: { slug: true } })).map((t) => t.slug),
  );
  const suggestions = candidates.filter((c) => !taken.has(c) && !RESERVED_SUBDOMAINS.has(c));
  if (RESERVED_SUBDOMAINS.has(slug)) return { available: false, reason: "reservedSlug", suggestions };
  if (taken.has(slug)) return { available: false, reason: "slugTaken", suggestions };
  return { available: true, suggestions: [] };
}
