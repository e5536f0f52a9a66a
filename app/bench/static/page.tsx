import { notFound } from "next/navigation";
import { currentSite } from "@/lib/tenancy/site";

// The baseline of `npm run bench`: a page with no data, rendered per request
// by the same server under the same root layout. On the apex it is scenario
// 1's floor; on a town's host (scenario 6) the same page after what every town
// page pays to find its town: proxy.ts's rewrite and the tenant lookup (the
// root layout's language already asks for it; unknown towns answer 404).
export default async function StaticBaseline() {
  const site = await currentSite();
  if (!site) notFound();
  return (
    <main id="main">
      <p data-bench="static" data-tenant={site.tenant?.slug}>Helpt</p>
    </main>
  );
}
