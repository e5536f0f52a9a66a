import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, Row } from "@/components/ui/data-table";
import type { AlertRow } from "@/lib/alerts/overview";

/** The coordinator's view of a request's alerts: who, when, on which channel, and what became of each. */
export async function AlertsTable({ alerts }: { alerts: AlertRow[] }) {
  const [t, format] = await Promise.all([getTranslations("matching"), getFormatter()]);
  if (alerts.length === 0) return <p>{t("alertsNone")}</p>;
  return (
    <DataTable caption={t("alertsTitle")} testId="alerts" columns={[{ label: t("alertsWave"), numeric: true }, t("alertsWho"), t("alertsWhen"), t("alertsChannel"), t("alertsResult")]}>
      {alerts.map((a) => (
        <Row key={a.id}>
          <td className="p-2 text-right">{a.wave}</td>
          <td className="p-2">{a.volunteerName}</td>
          <td className="p-2">{format.dateTime(a.at, { dateStyle: "short", timeStyle: "short" })}</td>
          <td className="p-2">{a.channels.map((c) => t(`alertChannel.${c.channel}`)).join(", ") || "—"}</td>
          <td className="p-2">
            {a.channels.map((c) => [t(`alertOutcome.${c.outcome}`), c.delivery && t(`alertDelivery.${c.delivery}`)].filter(Boolean).join(" · ")).join("; ")}
            {a.usedAt && <span className="ml-2 font-semibold">{t("alertOfferedByLink")}</span>}
          </td>
        </Row>
      ))}
    </DataTable>
  );
}
