import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PartnerInviteForm } from "@/components/partners/partner-forms";
import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { listPartners } from "@/lib/partners/members";
import { currentTenant } from "@/lib/tenancy/current";

/** The town admin's partner organisations (social services, community police, GPs, care homes): who they are, and inviting one. */
export default async function PartnerSettings() {
  const tenant = await currentTenant();
  await requireRole(tenant, ADMIN_ROLES);
  const [t, ts, partners] = await Promise.all([getTranslations("partners"), getTranslations("structure"), listPartners(tenant)]);
  const card = "flex min-w-0 flex-col gap-3 rounded-card bg-white p-4 shadow-sm";
  return (
    <div className="flex flex-col gap-6">
      <p><Link href="/settings" className="underline">{ts("backToSettings")}</Link></p>
      <h1 className="text-3xl font-bold">{t("adminTitle")}</h1>
      <p className="max-w-3xl">{t("adminIntro")}</p>
      <section aria-labelledby="partners-list" className={card}>
        <h2 id="partners-list" className="text-xl font-bold">{t("listTitle")}</h2>
        {partners.length === 0 ? <p>{t("none")}</p> : (
          <ul className="flex flex-col gap-2" data-testid="partners">
            {partners.map((p) => (
              <li key={p.id} className="break-words">
                <span className="font-semibold">{p.name}</span> · {t(`kinds.${p.kind}`)} · {t("summary", { members: p._count.members, invitations: p._count.invitations, referrals: p._count.referrals })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="partner-invite" className={card}>
        <h2 id="partner-invite" className="text-xl font-bold">{t("inviteTitle")}</h2>
        <p>{t("inviteIntro")}</p>
        <PartnerInviteForm />
      </section>
    </div>
  );
}
