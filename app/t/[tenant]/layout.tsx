import type { CSSProperties, ReactNode } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SkipLink } from "@/components/skip-link";
import { UserMenu } from "@/components/user-menu";
import { TownFooter } from "@/components/town-footer";
import { ErrorTextsProvider } from "@/components/errors/error-texts";
import { ADMIN_ROLES, STAFF_ROLES, currentMember, hasRole } from "@/lib/auth/guard";
import { currentSession } from "@/lib/auth/session";
import { brandColours } from "@/lib/branding/brand-colours";
import { errorTexts } from "@/lib/i18n/error-texts";
import { townPhone } from "@/lib/phone/normalize";
import { currentTenant, requestTenant } from "@/lib/tenancy/current";
import { BILLING_SUSPENSION_REASON } from "@/lib/tenancy/suspension";

type Props = { children: ReactNode };

export async function generateMetadata(): Promise<Metadata> {
  // The layout answers 404 for unknown towns; metadata must not throw first.
  const tenant = await requestTenant();
  if (!tenant) return {};
  const t = await getTranslations("meta");
  // The manifest makes the town's site installable as "<town> Helpt" (and web push possible on iPhones).
  return { title: t("townTitle", { town: tenant.name }), description: t("townDescription", { town: tenant.name }), manifest: "/manifest.webmanifest" };
}

export default async function TenantLayout({ children }: Props) {
  const tenant = await currentTenant();
  const [t, ts, tn, te, member] = await Promise.all([
    getTranslations("town"), getTranslations("suspended"), getTranslations("nav"), getTranslations("errorPage"), currentMember(tenant),
  ]);
  const suspended = tenant.status === "SUSPENDED";
  const session = await currentSession(); // cached: currentMember has read it already
  const colours = brandColours(tenant.primaryColor);
  const phone = townPhone(tenant);
  return (
    <div style={{ "--brand": colours.brand, "--brand-strong": colours.strong, "--brand-tint": colours.tint } as CSSProperties} data-tenant={tenant.slug}>
      <SkipLink />
      <header className="bg-brand text-white shadow-sm">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 p-4">
          <Link href="/" prefetch={false} className="flex min-w-0 items-center gap-3 text-2xl font-extrabold">
            {tenant.logoUrl ? (
              // The logo slot: a white tile that fits any logo's shape without cropping it.
              // eslint-disable-next-line @next/next/no-img-element -- uploaded logos are served as-is
              <img src={tenant.logoUrl} alt={t("logoAlt", { town: tenant.name })} width={48} height={48} className="h-12 w-12 shrink-0 rounded-lg bg-white object-contain p-1" />
            ) : (
              <span aria-hidden="true" className="flex h-12 w-12 shrink-0 items-center justify-center rounded-lg bg-white text-2xl text-brand">
                {tenant.name.charAt(0)}
              </span>
            )}
            <span>{t("name", { town: tenant.name })}</span>
          </Link>
          <div className="flex flex-wrap items-center gap-4">
            <LanguageSwitcher locales={tenant.locales} />
            {!suspended && (
              <Link href="/volunteer" prefetch={false} className="rounded px-2 py-1 text-sm font-semibold underline underline-offset-2">{tn("volunteer")}</Link>
            )}
            {hasRole(member, ["ORGANISATION"]) && (
              <Link href="/organisation" prefetch={false} className="rounded px-2 py-1 text-sm font-semibold underline underline-offset-2">{tn("organisation")}</Link>
            )}
            {hasRole(member, ADMIN_ROLES) && (
              <Link href="/settings" prefetch={false} className="rounded px-2 py-1 text-sm font-semibold underline underline-offset-2">{tn("settings")}</Link>
            )}
            {hasRole(member, STAFF_ROLES) && (
              <Link href="/staff/requests" prefetch={false} className="rounded px-2 py-1 text-sm font-semibold underline underline-offset-2">{tn("staff")}</Link>
            )}
            <UserMenu email={session?.user?.email} />
          </div>
        </div>
      </header>
      {tenant.mode === "CRISIS" && !suspended && (
        <p role="status" className="bg-amber-300 p-3 text-center font-bold text-zinc-900">
          {t("crisisBanner", { phone: phone.text })}
        </p>
      )}
      {tenant.billingStatus === "PAST_DUE" && hasRole(member, ADMIN_ROLES) && (
        <p role="alert" className="bg-amber-200 p-3 text-center font-semibold text-zinc-900" data-testid="past-due">
          {tn("pastDue")} <Link href="/settings/billing" className="underline">{tn("pastDueLink")}</Link>
        </p>
      )}
      <main id="main" className="mx-auto flex max-w-5xl flex-col gap-8 p-6">
        {suspended && (
          // The site stays readable; new requests are paused and residents are shown the phone number.
          <section aria-labelledby="suspended" className="flex flex-col gap-3 rounded border-4 border-amber-600 bg-amber-50 p-4" data-testid="suspended">
            <h2 id="suspended" className="text-2xl font-bold">{ts("title", { town: tenant.name })}</h2>
            <p>{ts("text")}</p>
            {tenant.suspendedReason && <p>{tenant.suspendedReason === BILLING_SUSPENSION_REASON ? ts("billingReason") : ts("reason", { reason: tenant.suspendedReason })}</p>}
            <p>
              <a href={phone.href} className="text-2xl font-bold underline">
                {t("callLink", { phone: phone.text })}
              </a>
            </p>
          </section>
        )}
        <ErrorTextsProvider value={errorTexts(te, { name: tenant.name, phone })}>{children}</ErrorTextsProvider>
      </main>
      <TownFooter tenant={tenant} />
    </div>
  );
}
