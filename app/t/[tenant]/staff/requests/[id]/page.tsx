import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { CandidatesForm, CapForm } from "@/components/requests/candidates-form";
import { alertsForRequest } from "@/lib/alerts/overview";
import { NoteForm, PublishForm, StatusForm, TriageForm } from "@/components/requests/coordinator-forms";
import { DoneForm } from "@/components/volunteers/volunteer-forms";
import { UndeliverableBadge } from "@/components/ui/undeliverable-badge";
import { assignAction, capAction, coordinatorDoneAction } from "@/lib/matching/actions";
import { rankCandidates } from "@/lib/matching/candidates";
import { COORDINATOR_ROLES, STAFF_ROLES, hasRole, requireRole } from "@/lib/auth/guard";
import { currentLocale } from "@/lib/i18n/current";
import { formatPhone, whatsappLink } from "@/lib/phone/normalize";
import { noteAction, publishAction, statusAction, triageAction } from "@/lib/requests/actions";
import { NotFoundInTenant } from "@/lib/errors";
import { allowedTransitions } from "@/lib/requests/mutations";
import { findDuplicates, getRequestForStaff } from "@/lib/requests/queries";
import { whenToForm } from "@/lib/when/when";
import { whenTeller } from "@/lib/when/when-text";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { params: Promise<{ id: string }> };

export default async function RequestDetail({ params }: Props) {
  const { id } = await params;
  const tenant = await currentTenant();
  const member = await requireRole(tenant, STAFF_ROLES);
  const locale = await currentLocale(tenant.defaultLocale);
  const request = await getRequestForStaff(tenant, member.userId, id, locale).catch((e) => {
    if (e instanceof NotFoundInTenant) notFound();
    throw e;
  });
  const [t, te, tm, tc, tp, format, tellWhen, duplicates] = await Promise.all([
    getTranslations("requestDetail"), getTranslations("enums"), getTranslations("matching"), getTranslations("callbacks"), getTranslations("partners"), getFormatter(), whenTeller(), findDuplicates(tenant, request),
  ]);
  const phone = (n: string) => formatPhone(n, tenant.country);
  const canCoordinate = hasRole(member, COORDINATOR_ROLES);
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt className="font-semibold">{label}</dt>
      <dd>{value || "—"}</dd>
    </>
  );
  return (
    <article aria-labelledby="detail" className="flex flex-col gap-6">
      <p><Link href="/staff/requests" className="underline">{t("backToQueue")}</Link></p>
      <header className="flex flex-wrap items-baseline gap-4">
        <h1 id="detail" className="text-3xl font-bold">{t("title", { reference: request.reference })}</h1>
        <span className="rounded bg-zinc-900 px-2 py-1 font-bold text-white" data-testid="status">{te(`status.${request.status}`)}</span>
        <span>{request.categoryLabel}</span>
        <Link href={`/staff/concerns/new?request=${request.id}`} className="underline" data-testid="raise-concern">{t("raiseConcern")}</Link>
      </header>

      {duplicates.length > 0 && (
        <section aria-labelledby="dups" className="rounded border-2 border-amber-600 bg-amber-50 p-3" data-testid="duplicates">
          <h2 id="dups" className="font-bold">{t("duplicatesTitle")}</h2>
          <p>{t("duplicatesText")}</p>
          <ul className="list-disc pl-6">
            {duplicates.map((d) => (
              <li key={d.id}><Link href={`/staff/requests/${d.id}`} className="font-mono underline">{d.reference}</Link> — {te(`status.${d.status}`)}</li>
            ))}
          </ul>
        </section>
      )}

      {request.referral && (
        <section aria-labelledby="referral" className="rounded bg-white p-4 shadow-sm" data-testid="referral">
          <h2 id="referral" className="mb-2 text-xl font-bold">{t("referredBy")}</h2>
          <p>{t("referrer", { name: request.referral.referrerName, organisation: request.referral.organisation.name, kind: tp(`kinds.${request.referral.organisation.kind}`) })}</p>
          {request.referral.referrerPhone && (
            <p><a href={`tel:${request.referral.referrerPhone}`} className="font-semibold underline">{t("callReferrer", { name: request.referral.referrerName, phone: phone(request.referral.referrerPhone) })}</a></p>
          )}
        </section>
      )}

      <section aria-labelledby="personal" className="rounded bg-white p-4 shadow-sm">
        <h2 id="personal" className="mb-2 text-xl font-bold">{t("personal")}</h2>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]" data-testid="personal">
          {row(t("name"), request.residentName)}
          {row(t("phone"), request.residentPhone && (
            <span className="flex flex-wrap gap-3">
              <a href={`tel:${request.residentPhone}`} className="underline">{phone(request.residentPhone)}</a>
              <a href={whatsappLink(request.residentPhone)} className="underline">{t("whatsappLink")}</a>
            </span>
          ))}
          {row(t("email"), request.residentEmail && <><a href={`mailto:${request.residentEmail}`} className="underline">{request.residentEmail}</a>{request.residentEmailUndeliverable && <UndeliverableBadge />}</>)}
          {row(t("address"), request.residentAddress)}
          {row(t("postcode"), [request.postcode, request.neighbourhood].filter(Boolean).join(" · "))}
          {row(t("contactMethod"), te(`contactMethod.${request.contactMethod}`))}
          {row(t("contactless"), request.contactless ? t("yes") : t("no"))}
          {row(t("consent"), t("consentGiven", { channel: te(`source.${request.consentChannel}`), date: format.dateTime(request.consentAt, { dateStyle: "medium", timeStyle: "short" }) }))}
          {request.createdBy && row(t("consentRecordedBy"), request.createdBy.name ?? request.createdBy.email)}
          {request.consentNote && row(t("consentNote"), request.consentNote)}
        </dl>
      </section>

      <section aria-labelledby="need" className="rounded bg-white p-4 shadow-sm">
        <h2 id="need" className="mb-2 text-xl font-bold">{t("need")}</h2>
        <p className="whitespace-pre-wrap">{request.description}</p>
        <p className="mt-2" data-testid="when"><span className="font-semibold">{t("timeWindow")}:</span> {tellWhen({ ...request, weekly: request.recurrence === "WEEKLY" })}</p>
        {request.nextOccurrenceAt && <p className="mt-2">{t("nextOccurrence", { date: format.dateTime(request.nextOccurrenceAt, { dateStyle: "full" }) })}</p>}
      </section>

      {request.assignments.length > 0 && (
        <section aria-labelledby="assigned" className="rounded bg-white p-4 shadow-sm">
          <h2 id="assigned" className="mb-2 text-xl font-bold">{tm("assignedTitle")}</h2>
          <ul className="flex flex-col gap-2" data-testid="assignments">
            {request.assignments.map((a) => (
              <li key={a.id}>
                <span className="font-semibold">{a.volunteer.name}</span> · <a href={`tel:${a.volunteer.phone}`} className="underline">{phone(a.volunteer.phone)}</a>
                {" · "}{a.doneAt ? tm("doneOn", { date: format.dateTime(a.doneAt, { dateStyle: "medium" }) }) : tm("notDoneYet")}
                {a.problem && <span className="ml-2 rounded bg-red-800 px-2 text-white">{tm("problem")}</span>}
                {a.feedback && <p className="whitespace-pre-wrap text-zinc-800">{a.feedback}</p>}
              </li>
            ))}
          </ul>
          {canCoordinate && request.status === "MATCHED" && <DoneForm action={coordinatorDoneAction.bind(null, request.id)} id={request.id} />}
        </section>
      )}

      {canCoordinate && request.status === "OPEN" && (
        <section aria-labelledby="candidates" className="rounded bg-white p-4 shadow-sm">
          <h2 id="candidates" className="mb-2 text-xl font-bold">{tm("candidatesTitle")}</h2>
          <p className="mb-2">{tm("candidatesIntro")}</p>
          <CandidatesForm action={assignAction.bind(null, request.id)} candidates={await rankCandidates(tenant, request.id)} />
          <div className="mt-4"><CapForm action={capAction.bind(null, request.id)} value={request.maxResponses ?? tenant.responseCap} /></div>
        </section>
      )}

      {canCoordinate && request.publishedAt && (
        <section aria-labelledby="alerts-title" className="rounded bg-white p-4 shadow-sm">
          <h2 id="alerts-title" className="mb-2 text-xl font-bold">{tm("alertsTitle")}</h2>
          <p className="mb-2">{tm("alertsIntro")}</p>
          <AlertsTable alerts={await alertsForRequest(tenant, request.id)} />
        </section>
      )}

      {canCoordinate && (
        <>
          {(request.status === "NEW" || request.status === "OPEN") && (
            <section aria-labelledby="publish" className="rounded bg-white p-4 shadow-sm">
              <h2 id="publish" className="mb-2 text-xl font-bold">{t("publishTitle")}</h2>
              <PublishForm action={publishAction.bind(null, request.id)} summary={request.publicSummary || t("summarySuggestion", { category: request.categoryLabel, place: request.neighbourhood || request.postcode })} published={request.status === "OPEN"} />
            </section>
          )}
          <section aria-labelledby="status-change" className="rounded bg-white p-4 shadow-sm">
            <h2 id="status-change" className="mb-2 text-xl font-bold">{t("statusTitle")}</h2>
            <StatusForm action={statusAction.bind(null, request.id)} targets={allowedTransitions(request.status)} />
          </section>
          <section aria-labelledby="triage" className="rounded bg-white p-4 shadow-sm">
            <h2 id="triage" className="mb-2 text-xl font-bold">{t("triageTitle")}</h2>
            <TriageForm action={triageAction.bind(null, request.id)} values={{ ...request, ...whenToForm(request.when) }} />
          </section>
        </>
      )}

      {request.callbacks.length > 0 && (
        <section aria-labelledby="calls" className="rounded bg-white p-4 shadow-sm">
          <h2 id="calls" className="mb-2 text-xl font-bold">{tc("title")}</h2>
          <ol className="flex flex-col gap-1" data-testid="callbacks">
            {request.callbacks.map((c) => (
              <li key={c.id}>
                {tc(`reasons.${c.reason}`)}:{" "}
                {c.calledAt
                  ? tc("calledBackBy", { name: c.calledBy?.name || c.calledBy?.email || tc("someone"), time: format.dateTime(c.calledAt, { dateStyle: "short", timeStyle: "short" }) })
                  : tc("dueBy", { deadline: format.dateTime(c.dueAt, { dateStyle: "short", timeStyle: "short" }) })}
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="notes" className="rounded bg-white p-4 shadow-sm">
        <h2 id="notes" className="mb-2 text-xl font-bold">{t("notesTitle")}</h2>
        {request.notes.length === 0 ? <p>{t("noNotes")}</p> : (
          <ol className="mb-3 flex flex-col gap-2" data-testid="notes">
            {request.notes.map((n) => (
              <li key={n.id} className="border-l-4 border-zinc-400 pl-3">
                <p className="whitespace-pre-wrap">{n.body}</p>
                <p className="text-sm text-zinc-700">{n.author?.name ?? n.author?.email} · {format.dateTime(n.createdAt, { dateStyle: "short", timeStyle: "short" })}</p>
              </li>
            ))}
          </ol>
        )}
        {canCoordinate && <NoteForm action={noteAction.bind(null, request.id)} />}
      </section>
    </article>
  );
}
