import { getFormatter, getTranslations } from "next-intl/server";
import { currentLocale } from "@/lib/i18n/current";
import { parseCursor, PUBLIC_COUNT_LIMIT, publicRequestsPage } from "@/lib/requests/public-list";
import { whenTeller } from "@/lib/when/when-text";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { searchParams: Promise<{ before?: string | string[] }> };

/**
 * Open requests as volunteers and the public see them: anonymised, never
 * personal data; a page at a time, newest first, older pages by a cursor in
 * the address (plain links: the back button and pages without JavaScript work).
 */
export default async function PublicRequests({ searchParams }: Props) {
  const tenant = await currentTenant();
  const locale = await currentLocale(tenant.defaultLocale);
  const before = parseCursor((await searchParams).before);
  const [t, format, tellWhen, { requests, older, open }] = await Promise.all([
    getTranslations("publicRequests"), getFormatter(), whenTeller(), publicRequestsPage(tenant, locale, before),
  ]);
  return (
    <section aria-labelledby="open" className="flex flex-col gap-4">
      <h1 id="open" className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {open && (
        <p className="font-semibold" data-testid="open-count">
          {open.more ? t("countMore", { count: format.number(PUBLIC_COUNT_LIMIT) }) : t("count", { count: open.count })}
        </p>
      )}
      {requests.length === 0 ? (
        <p>{before ? t("noMore") : t("empty")}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" data-testid="public-requests">
          {requests.map((r) => (
            <li key={r.id} className="flex flex-col gap-1 rounded border-l-4 border-brand bg-white p-4 shadow-sm">
              <h2 className="text-xl font-bold">{r.category}</h2>
              {r.publicSummary && <p>{r.publicSummary}</p>}
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-zinc-800">
                {r.neighbourhood && (<><dt className="font-semibold">{t("neighbourhood")}</dt><dd>{r.neighbourhood}</dd></>)}
                <dt className="font-semibold">{t("when")}</dt><dd>{tellWhen({ ...r, weekly: r.recurrence === "WEEKLY" })}</dd>
                {r.publishedAt && (<><dt className="font-semibold">{t("published")}</dt><dd>{format.dateTime(r.publishedAt, { dateStyle: "medium" })}</dd></>)}
              </dl>
              {r.contactless && <p className="font-semibold">{t("contactless")}</p>}
            </li>
          ))}
        </ul>
      )}
      {(before || older) && (
        <nav aria-label={t("pages")} className="flex flex-wrap items-center gap-4" data-testid="public-request-pages">
          {before && <a href="/requests" className="font-semibold text-brand underline">{t("newest")}</a>}
          {older && <a href={`/requests?before=${encodeURIComponent(older)}`} rel="next" className="font-semibold text-brand underline">{t("older")}</a>}
        </nav>
      )}
    </section>
  );
}
