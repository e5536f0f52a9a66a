import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/guard";
import { LEAD_ROLES } from "@/lib/concerns/leads";
import { listConcerns } from "@/lib/concerns/handle";
import { currentTenant } from "@/lib/tenancy/current";

/** The safeguarding lead's concerns: open ones by deadline, then the recently closed. Nobody else sees this page. */
export default async function Concerns() {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, LEAD_ROLES);
  const [t, format, { open, closed }] = await Promise.all([getTranslations("concerns"), getFormatter(), listConcerns(tenant, member.userId)]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: tenant.timeZone }) : "—");
  const table = (rows: typeof open, caption: string) => (
    <DataTable caption={caption} card columns={[t("about"), t("source"), t("status"), t("deadline"), t("raised")]}>
      {rows.map((c) => (
        <Row key={c.id}>
          <Cell><Link href={`/staff/concerns/${c.id}`} className="underline">{c.about}</Link></Cell>
          <Cell>{t(`sources.${c.source}`)}</Cell>
          <Cell>{t(`statuses.${c.status}`)}</Cell>
          <Cell>{when(c.deadline)}</Cell>
          <Cell>{when(c.createdAt)}</Cell>
        </Row>
      ))}
    </DataTable>
  );
  return (
    <section aria-labelledby="concerns" className="flex flex-col gap-6">
      <h1 id="concerns" className="text-3xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl">{t("leadIntro")}</p>
      <section aria-labelledby="open-concerns" className="flex flex-col gap-2" data-testid="open-concerns">
        <h2 id="open-concerns" className="text-xl font-bold">{t("open")}</h2>
        {open.length === 0 ? <p>{t("noneOpen")}</p> : table(open, t("open"))}
      </section>
      <section aria-labelledby="closed-concerns" className="flex flex-col gap-2">
        <h2 id="closed-concerns" className="text-xl font-bold">{t("closed")}</h2>
        {closed.length === 0 ? <p>{t("noneClosed")}</p> : table(closed, t("closed"))}
      </section>
    </section>
  );
}
