import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SubNav } from "@/components/ui/sub-nav";
import { ADMIN_ROLES, COORDINATOR_ROLES, STAFF_ROLES, hasRole, requireRole } from "@/lib/auth/guard";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { children: ReactNode };

/** Everything under /staff needs a staff role in this town (checked again in every page and action). */
export default async function StaffLayout({ children }: Props) {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, STAFF_ROLES);
  const [t, tv] = await Promise.all([getTranslations("staff"), getTranslations("volunteersAdmin")]);
  const links = [
    { href: "/staff/intake", label: t("intakeLink"), show: true },
    { href: "/staff/requests", label: t("queueLink"), show: true },
    { href: "/staff/callbacks", label: t("callbacksLink"), show: true },
    { href: "/staff/today", label: t("todayLink"), show: true },
    { href: "/staff/dashboard", label: t("dashboardLink"), show: true },
    { href: "/staff/volunteers", label: tv("link"), show: true },
    { href: "/staff/residents", label: t("residentsLink"), show: hasRole(member, COORDINATOR_ROLES) },
    { href: "/staff/reach", label: t("reach.link"), show: hasRole(member, COORDINATOR_ROLES) },
    { href: "/staff/outreach", label: t("outreachLink"), show: hasRole(member, ADMIN_ROLES) },
    { href: "/staff/audit", label: t("auditLink"), show: hasRole(member, ADMIN_ROLES) },
    // Issue 21: hours to confirm (coordinators), concerns (the safeguarding leads only).
    { href: "/staff/hours", label: t("hoursLink"), show: hasRole(member, COORDINATOR_ROLES) },
    { href: "/staff/concerns", label: t("concernsLink"), show: hasRole(member, ["SAFEGUARDING"]) },
  ].filter((l) => l.show);
  return (
    <div className="flex flex-col gap-6">
      <SubNav label={t("navigation")} links={links}>
        {hasRole(member, COORDINATOR_ROLES) || <span className="sr-only">{t("readOnly")}</span>}
      </SubNav>
      <ClientMessages>{children}</ClientMessages>
    </div>
  );
}
