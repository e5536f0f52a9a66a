export const dynamic = "force-dynamic";

/** Liveness: the process answers. No database call, so a database outage does not restart every instance. */
export function GET() {
  return Response.json({ ok: true });
}
