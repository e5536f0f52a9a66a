import { getTranslations } from "next-intl/server";
import { COOKIE_DURATIONS, COOKIES, type CookiePurpose } from "@/lib/privacy/cookies";

const DURATION: Record<CookiePurpose, "session" | "browser" | "year" | "signup"> = {
  session: "session", csrf: "browser", callback: "browser", locale: "year", signup: "signup",
};

/** The cookies a site can set: a town's site never sets the apex's sign-up cookie. */
export async function CookieTable({ apex }: { apex: boolean }) {
  const t = await getTranslations("legal.cookies");
  const rows = COOKIES.filter((c) => apex || !c.apexOnly);
  return (
    <div>
      {/* On a narrow screen the table scrolls inside its own labelled region, focusable for keyboards (as DataTable). */}
      <div role="region" aria-label={t("tableCaption")} tabIndex={0} className="relative min-w-0 max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-900">
      <table className="w-full border-collapse bg-white text-left" data-testid="cookie-table">
        <caption className="p-2 text-left font-semibold">{t("tableCaption")}</caption>
        <thead>
          <tr className="border-b-2 border-zinc-700">
            <th scope="col" className="p-2">{t("name")}</th>
            <th scope="col" className="p-2">{t("purpose")}</th>
            <th scope="col" className="p-2">{t("duration")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.purpose} className="border-b border-zinc-300 align-top">
              <td className="p-2 font-mono text-sm">{c.names.map((n) => <span key={n} className="block break-all">{n}</span>)}</td>
              <td className="p-2">{t(`purposes.${c.purpose}`)}</td>
              <td className="p-2">{t(`durations.${DURATION[c.purpose]}`, { hours: COOKIE_DURATIONS.sessionHours, days: COOKIE_DURATIONS.signupDays })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <p className="mt-2 text-sm">{t("secureNames")}</p>
    </div>
  );
}
