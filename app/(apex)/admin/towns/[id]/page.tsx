import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Plan } from "@/generated/prisma/enums";
import { requirePlatformAdmin } from "@/lib/auth/platform";
import { changePlanAction, extendTrialAction, reactivateTownAction, suspendTownAction } from "@/lib/platform/actions";
import { getTown } from "@/lib/platform/queries";
import { asCountry } from "@/lib/locale/country";
import { formatPhone } from "@/lib/phone/normalize";
import { PLANS, doneSchema } from "@/lib/platform/schemas";
import { publicTownUrl } from "@/lib/tenancy/urls";
import { PlanForm, ReactivateForm, SuspendForm, TrialForm } from "./forms";
import { Cell, DataTable, Row } from "@/components/ui/data-table";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const card = "flex flex-col gap-3 rounded bg-white p-4 shadow-sm";

/** One town for platform admins: its state, its billing, what admins did, and the actions. */
export default async function PlatformTown({ params, searchParams }: Props) {
  await requirePlatformAdmin();
  const town = await getTown((await params).id);
  if (!town) notFound();
  const done = doneSchema.parse((await searchParams).done);
  const [t, format] = await Promise.all([getTranslations("platform"), getFormatter()]);
  const { tenant } = town;
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const plan = (p: unknown) => (PLANS.includes(p as Plan) ? t(`plan.${p as Plan}`) : String(p));
  const row = (label: string, value: ReactNode) => (
    <div className="contents">
      <dt className="font-semibold">{label}</dt>
      <dd className="break-all">{value ?? "—"}</dd>
    </div>
  );
  // Audit details are JSON written by lib/platform/mutations.ts; other actions are shown as stored.
  const describe = (action: string, details: unknown) => {
    const d = (details ?? {}) as Record<string, unknown>;
    switch (action) {
      case "town.suspend": return t("history.suspend", { reason: String(d.reason) });
      case "town.reactivate": return t("history.reactivate");
      case "town.plan": return t("history.plan", { from: plan(d.from), to: plan(d.to) });
      case "town.trial": return t("history.trial", { days: Number(d.days), date: date(new Date(String(d.trialEndsAt))) });
      default: return details === null ? action : `${action} ${JSON.stringify(details)}`;
    }
  };

  return (
    <article aria-labelledby="town-title" className="flex flex-col gap-6">
      <p><Link href="/admin" className="underline">{t("town.back")}</Link></p>
      <header className="flex flex-wrap items-baseline gap-4">
        <h1 id="town-title" className="text-3xl font-bold">{tenant.name}</h1>
        <span className="rounded bg-zinc-900 px-2 py-1 font-bold text-white" data-testid="town-status">{t(`status.${tenant.status}`)}</span>
        <a href={publicTownUrl(tenant.slug)} className="font-semibold text-blue-900 underline">{t("town.visit", { town: tenant.name })}</a>
      </header>
      {done && (
        <p role="status" className="rounded border-2 border-green-700 bg-green-50 p-3 font-semibold text-green-900" data-testid="done">
          {t(`done.${done}`)}
        </p>
      )}

      <section aria-labelledby="details-title" className={card}>
        <h2 id="details-title" className="text-2xl font-bold">{t("town.detailsTitle")}</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          {row(t("town.slug"), <span className="font-mono">{tenant.slug}</span>)}
          {row(t("town.status"), t(`status.${tenant.status}`))}
          {tenant.suspendedReason && row(t("town.suspendedReason"), tenant.suspendedReason)}
          {row(t("town.plan"), plan(tenant.plan))}
          {row(t("town.population"), tenant.population === null ? null : format.number(tenant.population))}
          {row(t("town.volunteers"), format.number(town.volunteers))}
          {row(t("town.openRequests"), format.number(town.openRequests))}
          {row(t("town.languages"), tenant.locales.join(", "))}
          {row(t("town.defaultLocale"), tenant.defaultLocale)}
          {row(t("town.phone"), formatPhone(tenant.phone, asCountry(tenant.country)))}
          {row(t("town.email"), tenant.email)}
          {row(t("town.createdAt"), date(tenant.createdAt))}
        </dl>
      </section>

      <section aria-labelledby="billing-title" className={card}>
        <h2 id="billing-title" className="text-2xl font-bold">{t("town.billingTitle")}</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1" data-testid="billing">
          {row(t("town.billingStatus"), t(`billingStatus.${tenant.billingStatus}`))}
          {row(t("town.customerId"), tenant.stripeCustomerId && <span className="font-mono">{tenant.stripeCustomerId}</span>)}
          {row(t("town.subscriptionId"), tenant.stripeSubscriptionId && <span className="font-mono">{tenant.stripeSubscriptionId}</span>)}
          {row(t("town.currentPeriodEnd"), date(tenant.currentPeriodEnd))}
          {row(t("town.graceEndsAt"), date(tenant.graceEndsAt))}
          {row(t("town.trialEndsAt"), date(tenant.trialEndsAt))}
        </dl>
        <h3 className="text-xl font-bold">{t("town.eventsTitle")}</h3>
        {town.stripeEvents.length === 0 ? <p>{t("town.noEvents")}</p> : (
          <DataTable caption={t("town.eventsTitle")} testId="stripe-events" columns={[t("town.processedAt"), t("town.eventType"), t("town.eventId")]}>
            {town.stripeEvents.map((e) => (
              <Row key={e.id}><Cell>{date(e.processedAt)}</Cell><Cell className="font-mono">{e.type}</Cell><Cell className="font-mono text-sm">{e.id}</Cell></Row>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="actions-title" className="flex flex-col gap-4">
        <h2 id="actions-title" className="text-2xl font-bold">{t("town.actionsTitle")}</h2>
        {tenant.status === "ACTIVE" ? (
          <section aria-labelledby="suspend-title" className={card}>
            <h3 id="suspend-title" className="text-xl font-bold">{t("town.suspendTitle")}</h3>
            <p>{t("town.suspendText")}</p>
            <SuspendForm action={suspendTownAction.bind(null, tenant.id)} town={tenant.name} />
          </section>
        ) : (
          <section aria-labelledby="reactivate-title" className={card}>
            <h3 id="reactivate-title" className="text-xl font-bold">{t("town.reactivateTitle")}</h3>
            <p>{t("town.reactivateText")}</p>
            <ReactivateForm action={reactivateTownAction.bind(null, tenant.id)} town={tenant.name} />
          </section>
        )}
        <section aria-labelledby="plan-title" className={card}>
          <h3 id="plan-title" className="text-xl font-bold">{t("town.planTitle")}</h3>
          <p>{t("town.planText")}</p>
          <PlanForm action={changePlanAction.bind(null, tenant.id)} plan={tenant.plan} />
        </section>
        <section aria-labelledby="trial-title" className={card}>
          <h3 id="trial-title" className="text-xl font-bold">{t("town.trialTitle")}</h3>
          <p>{tenant.trialEndsAt ? t("town.trialEnds", { date: date(tenant.trialEndsAt) }) : t("town.noTrial")} {t("town.trialText")}</p>
          <TrialForm action={extendTrialAction.bind(null, tenant.id)} />
        </section>
      </section>

      <section aria-labelledby="history-title" className={card}>
        <h2 id="history-title" className="text-2xl font-bold">{t("history.title")}</h2>
        {town.audit.length === 0 ? <p>{t("history.empty")}</p> : (
          <DataTable caption={t("history.title")} testId="history" columns={[t("history.when"), t("history.who"), t("history.what")]}>
            {town.audit.map((a) => (
              <Row key={a.id}><Cell>{date(a.createdAt)}</Cell><Cell>{a.actorEmail ?? "—"}</Cell><Cell>{describe(a.action, a.details)}</Cell></Row>
            ))}
          </DataTable>
        )}
      </section>
    </article>
  );
}
