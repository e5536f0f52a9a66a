import { mayHaveCertificate } from "@/lib/domains/certificates";

export const dynamic = "force-dynamic";

const STATUS = { allowed: 200, unknown: 404, busy: 429 } as const;

/** Caddy's on-demand TLS `ask`: 200 lets it obtain a certificate for `?domain=`, anything else refuses. */
export async function GET(request: Request) {
  const domain = new URL(request.url).searchParams.get("domain");
  const decision = domain && domain.length <= 253 ? await mayHaveCertificate(domain) : "unknown";
  return new Response(decision, { status: STATUS[decision], headers: { "content-type": "text/plain; charset=utf-8" } });
}
