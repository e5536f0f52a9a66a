import { getFormatter, getTranslations } from "next-intl/server";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { COORDINATOR_ROLES, requireRole } from "@/lib/auth/guard";
import { reachFigures, type ChannelReach, type CauseReach } from "@/lib/reach/figures";
import { currentTenant } from "@/lib/tenancy/current";

const FIGURES = ["messages", "queued", "deferred", "capped", "noConsent", "unverified", "optedOut", "sent", "delivered", "failed"] as const satisfies readonly (keyof ChannelReach)[];

/** The town's reach: each crisis call and alert wave, per channel, in counts only. */
export default async function ReachPage() {
  const tenant = await currentTenant();
  await requireRole(tenant, COORDINATOR_ROLES);
  const [t, format, causes] = await Promise.all([getTranslations("staff.reach"), getFormatter(), reachFigures(tenant)]);
  const name = (c: CauseReach) => c.cause.kind === "crisis-call"
    ? t("crisisCall", { at: format.dateTime(c.cause.at, { dateStyle: "medium", timeStyle: "short" }) })
    : t("alertWave", { id: c.cause.id });
  return (
    <section aria-labelledby="reach" className="flex flex-col gap-6">
      <h1 id="reach" className="text-3xl font-bold">{t("title")}</h1>
      <p className="max-w-2xl">{t("intro")}</p>
      {causes.length === 0 ? <p data-testid="reach-empty">{t("empty")}</p> : causes.map((c, i) => (
        <section key={c.ref} aria-labelledby={`cause-${i}`} className="flex min-w-0 flex-col gap-2">
          <h2 id={`cause-${i}`} className="text-xl font-bold">{name(c)}</h2>
          <DataTable caption={t("caption", { cause: name(c) })} card testId="reach-table"
            columns={[t("channel"), ...FIGURES.map((f) => ({ label: t(f), numeric: true }))]}>
            {c.channels.map((ch) => (
              <Row key={ch.channel}>
                <Cell rowHeader>{t(`channels.${ch.channel}`)}</Cell>
                {FIGURES.map((f) => <Cell key={f} numeric>{format.number(ch[f])}</Cell>)}
              </Row>
            ))}
          </DataTable>
        </section>
      ))}
    </section>
  );
}
