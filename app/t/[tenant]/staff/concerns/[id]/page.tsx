import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ConcernNoteForm, ConcernStateForm } from "@/components/concerns/concern-forms";
import { SimpleActionButton } from "@/components/volunteers/volunteer-forms";
import { requireRole } from "@/lib/auth/guard";
import { concernDeadlineAction, concernNoteAction, concernStatusAction, pauseVolunteerAction } from "@/lib/concerns/actions";
import { LEAD_ROLES } from "@/lib/concerns/leads";
import { viewConcern } from "@/lib/concerns/handle";
import { CONCERN_STATUSES } from "@/lib/concerns/schemas";
import { NotFoundInTenant } from "@/lib/errors";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { params: Promise<{ id: string }> };

const card = "flex flex-col gap-3 rounded bg-white p-4 shadow-sm";

/** One concern, for the safeguarding lead: what was said, by whom, the notes, status, deadline, pausing the volunteer it names. */
export default async function ConcernDetail({ params }: Props) {
  const { id } = await params;
  const tenant = await currentTenant();
  const member = await requireRole(tenant, LEAD_ROLES);
  const concern = await viewConcern(tenant, member.userId, id).catch((e) => {
    if (e instanceof NotFoundInTenant) notFound();
    throw e;
  });
  const [t, format] = await Promise.all([getTranslations("concerns"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: tenant.timeZone });
  const open = concern.status !== "CLOSED";
  return (
    <article aria-labelledby="concern" className="flex flex-col gap-6">
      <p><Link href="/staff/concerns" className="underline">{t("back")}</Link></p>
      <header className="flex flex-wrap items-baseline gap-4">
        <h1 id="concern" className="text-3xl font-bold">{concern.about}</h1>
        <span className="rounded bg-zinc-900 px-2 py-1 font-bold text-white" data-testid="concern-status">{t(`statuses.${concern.status}`)}</span>
      </header>
      <section aria-labelledby="what" className={card}>
        <h2 id="what" className="text-xl font-bold">{t("what")}</h2>
        <p className="whitespace-pre-wrap" data-testid="concern-body">{concern.body}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">{t("source")}</dt><dd>{t(`sources.${concern.source}`)}</dd>
          <dt className="font-semibold">{t("raised")}</dt><dd>{when(concern.createdAt)}{concern.raisedBy && ` · ${concern.raisedBy.name ?? concern.raisedBy.email}`}</dd>
          <dt className="font-semibold">{t("contactLabel")}</dt><dd>{concern.contact || "—"}</dd>
          <dt className="font-semibold">{t("request")}</dt>
          <dd>{concern.request ? <Link href={`/staff/requests/${concern.request.id}`} className="font-mono underline">{concern.request.reference}</Link> : "—"}</dd>
          <dt className="font-semibold">{t("volunteer")}</dt>
          <dd data-testid="concern-volunteer">{concern.volunteer ? `${concern.volunteer.name} (${t(`volunteerStatus.${concern.volunteer.status}`)})` : "—"}</dd>
        </dl>
        {open && concern.volunteer && concern.volunteer.status !== "PAUSED" && concern.volunteer.status !== "BLOCKED" && (
          <SimpleActionButton action={pauseVolunteerAction.bind(null, concern.id)} label={t("pauseVolunteer", { name: concern.volunteer.name })} variant="primary" />
        )}
      </section>
      <section aria-labelledby="handling" className={`${card} sm:grid sm:grid-cols-2`}>
        <h2 id="handling" className="text-xl font-bold sm:col-span-2">{t("handling")}</h2>
        <ConcernStateForm action={concernStatusAction.bind(null, concern.id)} name="status" label={t("status")} defaultValue={concern.status}
          options={CONCERN_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
        <ConcernStateForm action={concernDeadlineAction.bind(null, concern.id)} name="deadline" label={t("deadline")} type="date"
          defaultValue={concern.deadline ? concern.deadline.toISOString().slice(0, 10) : ""} />
      </section>
      <section aria-labelledby="notes" className={card}>
        <h2 id="notes" className="text-xl font-bold">{t("notes")}</h2>
        {concern.notes.length === 0 ? <p>{t("noNotes")}</p> : (
          <ul className="flex flex-col gap-2" data-testid="concern-notes">
            {concern.notes.map((n) => (
              <li key={n.id} className="border-l-4 border-zinc-300 pl-3">
                <p className="text-sm text-zinc-700">{when(n.createdAt)}{n.author && ` · ${n.author.name ?? n.author.email}`}</p>
                <p className="whitespace-pre-wrap">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
        <ConcernNoteForm action={concernNoteAction.bind(null, concern.id)} />
      </section>
    </article>
  );
}
