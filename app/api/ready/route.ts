import { readiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

/** Readiness (database, migrations, worker heartbeat, e-mail backlog): 503 with the reasons when not ready. */
export async function GET() {
  const result = await readiness();
  return Response.json(result, { status: result.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
