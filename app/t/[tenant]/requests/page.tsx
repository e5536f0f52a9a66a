import { getFormatter, getTranslations } from "next-intl/server";
import { currentLocale } from "@/lib/i18n/current";
import { listPublicRequests } from "@/lib/requests/queries";
import { whenTeller } from "@/lib/when/when-text";
import { currentTenant } from "@/lib/tenancy/current";

/** Open requests as volunteers and the public see them: anonymised, never personal data. */
export default async function PublicRequests() {
  const tenant = await currentTenant();
  const locale = await currentLocale(tenant.defaultLocale);
  const [t, format, tellWhen, requests] = await Promise.all([getTranslations("publicRequests"), getFormatter(), whenTeller(), listPublicRequests(tenant, locale)]);
  return (
    <section aria-labelledby="open" className="flex flex-col gap-4">
      <h1 id="open" className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {requests.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" data-testid="public-requests">
          {requests.map((r) => (
            <li key={r.id} className="flex flex-col gap-1 rounded border-l-4 border-brand bg-white p-4 shadow-sm">
              <h2 className="text-xl font-bold">{r.category}</h2>
              <p>{r.publicSummary}</p>
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
    </section>
  );
}
