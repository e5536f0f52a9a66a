import { brandColours } from "@/lib/branding/brand-colours";
import { notFoundResponse } from "@/lib/http/not-found";
import { requestTenant } from "@/lib/tenancy/current";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The town's app icon (home screen, notifications): its initial on its colour, as the header shows it without a logo. */
export async function GET() {
  const tenant = await requestTenant();
  if (!tenant) return notFoundResponse();
  const { brand } = brandColours(tenant.primaryColor);
  const initial = escape([...tenant.name][0]?.toUpperCase() ?? "");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="${brand}"/>`
    + `<text x="256" y="256" dy=".35em" text-anchor="middle" font-family="system-ui, sans-serif" font-weight="800" font-size="300" fill="#ffffff">${initial}</text></svg>`;
  return new Response(svg, { headers: { "content-type": "image/svg+xml", "x-content-type-options": "nosniff", "cache-control": "public, max-age=300" } });
}
