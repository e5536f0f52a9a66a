import { renderToBuffer } from "@react-pdf/renderer";
import { councilReport, type ReportTown } from "@/lib/council-report/document";
import type { Locale } from "@/lib/i18n/locales";
import { councilFigures } from "@/lib/stats/council-figures";

type Query = Record<string, string | string[] | undefined>;

/** The council's PDF for the period the URL asks for (bad input: the default period), in `locale`. */
export async function councilReportPdf(tenant: ReportTown & { id: string; slug: string; defaultLocale: Locale }, query: Query, locale: Locale, now = new Date()): Promise<Response> {
  const figures = await councilFigures(tenant, query, locale, now);
  const pdf = await renderToBuffer(councilReport({ town: tenant, figures, locale, made: now }));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${tenant.slug}-dashboard-${figures.period.fromDay}-${figures.period.toDay}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
