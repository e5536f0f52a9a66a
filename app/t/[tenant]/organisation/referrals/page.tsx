import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { countText, Pager, sortColumn } from "@/components/lists/list-controls";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/guard";
import { currentLocale } from "@/lib/i18n/current";
import { listReferrals, referralListSchema } from "@/lib/referrals/list";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PATH = "/organisation/referrals";

/** A partner's own referrals and how far each has come: status and dates, never who helps. */
export default async function Referrals({ searchParams }: Props) {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, ["ORGANISATION"]);
  const list = referralListSchema.parse(await searchParams);
  const locale = await currentLocale(tenant.defaultLocale);
  const [t, te, format, page] = await Promise.all([
    getTranslations("partners"), getTranslations("enums"), getFormatter(), listReferrals(tenant, member.userId, list, locale),
  ]);
  if (!page) notFound();
  const current = { sort: list.sort, dir: list.dir };
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "—");
  return (
    <section aria-labelledby="referrals" className="flex flex-col gap-4">
      <p><Link href="/organisation/refer" className="underline">{t("referLink")}</Link></p>
      <h1 id="referrals" className="text-3xl font-bold">{t("referralsTitle")}</h1>
      <p role="status" data-testid="referrals-count">
        {page.total.more ? t("referralsCapped", { count: await countText(page.total) }) : t("referralsCount", { count: page.total.count })}
      </p>
      {page.rows.length > 0 && (
        <DataTable caption={t("referralsTitle")} testId="referrals" card columns={[
          sortColumn(t("columns.referred"), "referred", PATH, current, "desc"), t("columns.reference"), t("columns.category"),
          t("columns.status"), t("columns.updated"), t("columns.referrer"),
        ]}>
          {page.rows.map((r) => (
            <Row key={r.id}>
              <Cell>{date(r.createdAt)}</Cell>
              <Cell rowHeader><span className="font-mono font-bold">{r.reference}</span></Cell>
              <Cell>{r.category}</Cell>
              <Cell>{te(`status.${r.status}`)}</Cell>
              <Cell>{date(r.closedAt ?? r.updatedAt)}</Cell>
              <Cell>{r.referrerName}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
      <Pager path={PATH} current={current} next={page.next} prev={page.prev} />
    </section>
  );
}
