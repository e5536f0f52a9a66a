import { checkSlug } from "@/lib/signup/slug";

/** Live availability check for the wizard's subdomain field. */
export async function GET(request: Request) {
  const slug = (new URL(request.url).searchParams.get("slug") ?? "").trim().toLowerCase().slice(0, 63);
  return Response.json(await checkSlug(slug), { headers: { "cache-control": "no-store" } });
}
