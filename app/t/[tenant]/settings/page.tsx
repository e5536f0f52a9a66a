import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DomainForm } from "@/components/settings/domain-form";
import { HeroForm, InviteForm, LogoForm, RemoveMemberButton, TownSettingsForm } from "@/components/settings/settings-forms";
import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { heroImage } from "@/lib/branding/hero";
import { listDomains } from "@/lib/domains/domains";
import { townPhone } from "@/lib/phone/normalize";
import { removeMemberAction } from "@/lib/settings/actions";
import { listTeam } from "@/lib/settings/team";
import { townSettings } from "@/lib/settings/town";
import { currentTenant } from "@/lib/tenancy/current";
import { keepTogether } from "@/lib/text/keep-together";

/** A town admin's settings: checklist, town details, team, custom domain, billing. */
export default async function Settings() {
  const tenant = await currentTenant();
  const admin = await requireRole(tenant, ADMIN_ROLES);
  const [t, tr, tst, tp, tc, settings, team, domains] = await Promise.all([
    getTranslations("settings"), getTranslations("roles"), getTranslations("structure"), getTranslations("partners"), getTranslations("checks"), townSettings(tenant), listTeam(tenant), listDomains(tenant),
  ]);
  const card = "flex min-w-0 flex-col gap-3 rounded-card bg-white p-4 shadow-sm";
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title", { town: tenant.name })}</h1>
      <section aria-labelledby="checklist" className={card} data-testid="checklist">
        <h2 id="checklist" className="text-xl font-bold">{t("checklistTitle")}</h2>
        <ol className="list-decimal pl-6">
          <li>{t("checkPhone", { phone: townPhone(tenant).text })}</li>
          <li><Link href="/staff/outreach" className="underline">{t("checkLetter")}</Link></li>
          <li><a href="#team" className="underline">{t("checkInvite")}</a></li>
        </ol>
      </section>
      <section aria-labelledby="general" className={card}>
        <h2 id="general" className="text-xl font-bold">{t("generalTitle")}</h2>
        <TownSettingsForm settings={{ ...settings, phone: townPhone(tenant).text }} />
      </section>
      <section aria-labelledby="structure-title" className={card}>
        <h2 id="structure-title" className="text-xl font-bold">{tst("categoriesTitle")} · {tst("areasTitle")}</h2>
        <ul className="flex flex-col gap-1">
          <li><Link href="/settings/categories" className="underline">{tst("categoriesLink")}</Link></li>
          <li><Link href="/settings/areas" className="underline">{tst("areasLink")}</Link></li>
          <li><Link href="/settings/partners" className="underline">{tp("settingsLink")}</Link></li>
          <li><Link href="/settings/checks" className="underline">{tc("settingsLink")}</Link></li>
        </ul>
      </section>
      <section aria-labelledby="logo-title" className={card}>
        <h2 id="logo-title" className="text-xl font-bold">{t("logoTitle")}</h2>
        <LogoForm logoUrl={settings.logoUrl} />
      </section>
      <section aria-labelledby="hero-title" className={card}>
        <h2 id="hero-title" className="text-xl font-bold">{t("heroTitle")}</h2>
        <HeroForm hero={heroImage(settings)} />
      </section>
      <section aria-labelledby="team" id="team" className={card}>
        <h2 id="team-title" className="text-xl font-bold">{t("teamTitle")}</h2>
        <ul className="flex flex-col gap-2" data-testid="team">
          {team.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-3">
              <span className="font-semibold">{m.user.name ?? m.user.email}</span> <span>{m.user.email}</span> <span>· {tr(m.role)}</span>
              {m.userId !== admin.userId && <RemoveMemberButton action={removeMemberAction.bind(null, m.id)} label={t("remove", { email: m.user.email })} />}
            </li>
          ))}
        </ul>
        <InviteForm />
      </section>
      <div className={card}>
        <DomainForm domains={domains} />
      </div>
      <section aria-labelledby="billing" className={card}>
        <h2 id="billing" className="text-xl font-bold">{t("billingTitle")}</h2>
        <p><Link href="/settings/billing" className="underline">{t("billingLink")}</Link></p>
      </section>
    </div>
  );
}
