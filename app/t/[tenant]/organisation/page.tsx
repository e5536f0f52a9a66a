import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SelectField, TextField } from "@/components/forms/fields";
import { countText, Pager, sortColumn } from "@/components/lists/list-controls";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { ColleagueInviteForm, JoinPartnerForm } from "@/components/partners/partner-forms";
import { OrganisationForm, VacancyForm } from "@/components/volunteers/organisation-forms";
import { requireRole } from "@/lib/auth/guard";
import { formatPhone } from "@/lib/phone/normalize";
import { closeVacancyAction } from "@/lib/organisations/actions";
import { applicantListSchema, listApplicants } from "@/lib/organisations/applicants";
import { ownOrganisation, ownVacancies } from "@/lib/organisations/vacancies";
import { memberDetailsAction } from "@/lib/partners/actions";
import { partnerSeat, partnerStaff } from "@/lib/partners/members";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PATH = "/organisation";

/** A partner organisation's home: its members refer residents; its managers edit it, invite colleagues, post vacancies and see who applied. */
export default async function OrganisationHome({ searchParams }: Props) {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, ["ORGANISATION"]);
  const list = applicantListSchema.parse(await searchParams);
  // The applicants list's state lives in the URL: links keep it, a new search starts at page one.
  const current = { q: list.q, vacancy: list.vacancy, status: list.status, sort: list.sort, dir: list.dir };
  const [t, tp, format, seat, org, vacancies, applicants] = await Promise.all([
    getTranslations("organisation"), getTranslations("partners"), getFormatter(), partnerSeat(tenant, member.userId),
    ownOrganisation(tenant, member.userId), ownVacancies(tenant, member.userId), listApplicants(tenant, member.userId, list),
  ]);
  const staff = org ? await partnerStaff(tenant, org.id) : null;
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="org" className="flex flex-col gap-3">
        <h1 id="org" className="text-3xl font-bold">{seat?.organisation.name ?? t("title")}</h1>
        {seat && (
          <>
            <p data-testid="partner-seat">{tp("seat", { kind: tp(`kinds.${seat.organisation.kind}`), role: tp(`roles.${seat.member.role}`) })}</p>
            <ul className="flex flex-wrap gap-3">
              <li><Link href="/organisation/refer" className="inline-block rounded bg-brand px-4 py-2 font-bold text-white">{tp("referLink")}</Link></li>
              <li><Link href="/organisation/referrals" className="inline-block rounded border-2 border-brand px-4 py-2 font-bold text-brand">{tp("referralsLink")}</Link></li>
            </ul>
          </>
        )}
        <p><Link href="/concern" className="underline">{t("concernLink")}</Link></p>
        {/* Managers edit the organisation; someone given the partner role without one starts it. */}
        {(org || !seat) && <OrganisationForm organisation={org ?? undefined} />}
      </section>
      {seat && (
        <details className="rounded bg-white p-4 shadow-sm" open={!seat.member.phone}>
          <summary className="cursor-pointer text-xl font-bold">{tp("detailsTitle")}</summary>
          <JoinPartnerForm action={memberDetailsAction} name={seat.member.name} phone={seat.member.phone ?? undefined} submit={tp("saveDetails")} />
        </details>
      )}
      {staff && (
        <section aria-labelledby="staff" className="flex flex-col gap-3 rounded bg-white p-4 shadow-sm">
          <h2 id="staff" className="text-2xl font-bold">{tp("staffTitle")}</h2>
          <ul className="flex flex-col gap-1" data-testid="partner-staff">
            {staff.members.map((m) => (
              <li key={m.id} className="break-words">
                <span className="font-semibold">{m.name}</span> · {m.email} · {tp(`roles.${m.role}`)}
                {m.phone && <> · <a href={`tel:${m.phone}`} className="underline">{formatPhone(m.phone, tenant.country)}</a></>}
              </li>
            ))}
            {staff.invitations.map((i) => (
              <li key={i.id} className="break-words text-zinc-800">
                {tp("pending", { email: i.email, role: tp(`roles.${i.role}`), date: format.dateTime(i.expiresAt, { dateStyle: "medium" }) })}
              </li>
            ))}
          </ul>
          <h3 className="text-lg font-bold">{tp("inviteColleagueTitle")}</h3>
          <ColleagueInviteForm />
        </section>
      )}
      {org && (
        <>
          <section aria-labelledby="new-vacancy" className="flex flex-col gap-3 rounded bg-white p-4 shadow-sm">
            <h2 id="new-vacancy" className="text-2xl font-bold">{t("newVacancy")}</h2>
            <VacancyForm />
          </section>
          <section aria-labelledby="own-vacancies" className="flex flex-col gap-3">
            <h2 id="own-vacancies" className="text-2xl font-bold">{t("vacancies")}</h2>
            {vacancies.length === 0 ? <p>{t("noVacancies")}</p> : (
              <ul className="flex flex-col gap-3" data-testid="own-vacancies">
                {vacancies.map((v) => (
                  <li key={v.id} className="rounded bg-white p-4 shadow-sm">
                    <h3 className="text-lg font-bold">{v.title} {v.status === "CLOSED" && <span className="text-sm">({t("closed")})</span>}</h3>
                    <p>{t("applicants", { count: v._count.applications, places: v.places })}</p>
                    {v._count.applications > 0 && (
                      <Link href={`${PATH}?vacancy=${encodeURIComponent(v.id)}#applicants`} className="underline">{t("showApplicants", { title: v.title })}</Link>
                    )}
                    {v.status === "OPEN" && (
                      <form action={closeVacancyAction.bind(null, v.id)}>
                        <button type="submit" className="mt-2 rounded border-2 border-brand px-3 py-1 font-semibold text-brand">{t("close")}</button>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {applicants && (
            <section aria-labelledby="applicants" className="flex flex-col gap-3">
              <h2 id="applicants" className="text-2xl font-bold">{t("applicantsTitle")}</h2>
              <form method="get" role="search" aria-label={t("applicantsFilter")} className="grid gap-3 rounded bg-white p-3 shadow-sm sm:grid-cols-3">
                <TextField name="q" type="search" label={t("applicantsSearch")} optional defaultValue={list.q} />
                <SelectField
                  name="vacancy" label={t("applicantsVacancy")} defaultValue={list.vacancy ?? ""}
                  options={[{ value: "", label: t("anyVacancy") }, ...vacancies.map((v) => ({ value: v.id, label: v.title }))]}
                />
                <SelectField
                  name="status" label={t("applicantsStatus")} defaultValue={list.status ?? ""}
                  options={[{ value: "", label: t("anyStatus") }, { value: "OPEN", label: t("open") }, { value: "CLOSED", label: t("closed") }]}
                />
                <input type="hidden" name="sort" value={list.sort} />
                <input type="hidden" name="dir" value={list.dir} />
                <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
                  <button type="submit" className="rounded bg-brand px-4 py-2 font-bold text-white">{t("search")}</button>
                  <Link href={`${PATH}#applicants`} className="underline">{t("reset")}</Link>
                </div>
              </form>
              <p role="status" data-testid="applicants-count">
                {applicants.total.more ? t("applicantsCapped", { count: await countText(applicants.total) }) : t("applicantsCount", { count: applicants.total.count })}
              </p>
              {applicants.rows.length > 0 && (
                <DataTable caption={t("applicantsTitle")} testId="applicants" card columns={[
                  sortColumn(t("columns.applied"), "applied", PATH, current, "desc"), sortColumn(t("columns.name"), "name", PATH, current),
                  t("columns.contact"), t("columns.vacancy"), t("columns.message"),
                ]}>
                  {applicants.rows.map((a) => (
                    <Row key={a.id}>
                      <Cell>{format.dateTime(a.createdAt, { dateStyle: "short", timeStyle: "short" })}</Cell>
                      <Cell rowHeader>{a.name}</Cell>
                      <Cell>
                        <a href={`tel:${a.phone}`} className="underline">{formatPhone(a.phone, tenant.country)}</a>
                        <br /><a href={`mailto:${a.email}`} className="break-all underline">{a.email}</a>
                      </Cell>
                      <Cell>{a.vacancyTitle} {a.vacancyStatus === "CLOSED" && <span className="text-sm">({t("closed")})</span>}</Cell>
                      <Cell>{a.message}</Cell>
                    </Row>
                  ))}
                </DataTable>
              )}
              <Pager path={PATH} current={current} next={applicants.next} prev={applicants.prev} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
