import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { whenTeller } from "@/lib/when/when-text";
import { VolunteerProfileForm } from "@/components/volunteers/profile-form";
import { InvitationTerms } from "@/components/imports/invitation-terms";
import { PushControl } from "@/components/volunteers/push-control";
import { DeleteProfileForm, DoneForm, RespondForm, SimpleActionButton } from "@/components/volunteers/volunteer-forms";
import { VolunteerChecks } from "@/components/checks/volunteer-checks";
import { currentMember } from "@/lib/auth/guard";
import { listCategories } from "@/lib/categories/queries";
import { currentLocale } from "@/lib/i18n/current";
import { acceptOwnInvitationAction } from "@/lib/imports/actions";
import { formatPhone, whatsappLink } from "@/lib/phone/normalize";
import { vacanciesForVolunteer } from "@/lib/organisations/vacancies";
import { currentTenant } from "@/lib/tenancy/current";
import { applyAction, deleteProfileAction, markDoneAction, pauseAction, respondAction, withdrawAction } from "@/lib/volunteers/actions";
import { myResponses, requestsForVolunteer } from "@/lib/volunteers/feed";
import { getOwnProfile } from "@/lib/volunteers/profile";
import { keepTogether } from "@/lib/text/keep-together";
import { vapidKeys } from "@/lib/notifications/push-config";

type Props = { searchParams: Promise<{ saved?: string; deleted?: string; confirmed?: string }> };

const card = "rounded bg-white p-4 shadow-sm";
// A volunteer takes one or two requests at a time: the nearest few dozen are plenty, and the page stays light in a large town.
const NEAREST_SHOWN = 30;

export default async function VolunteerHome({ searchParams }: Props) {
  const tenant = await currentTenant();
  const locale = await currentLocale(tenant.defaultLocale);
  const [t, te, ti, tc, format, tellWhen, member, { saved, deleted, confirmed }] = await Promise.all([
    getTranslations("volunteer"), getTranslations("enums"), getTranslations("invitation"), getTranslations("checks"), getFormatter(), whenTeller(), currentMember(tenant), searchParams,
  ]);

  if (!member) {
    return (
      <section aria-labelledby="vol" className="flex max-w-2xl flex-col gap-4">
        <h1 id="vol" className="text-3xl font-bold">{t("title", { town: tenant.name })}</h1>
        {deleted && <p role="status" className="font-semibold">{t("deleted")}</p>}
        <p className="text-lg">{t("intro")}</p>
        <p><Link href="/sign-in" className="rounded bg-brand px-5 py-3 text-lg font-bold text-white">{t("signInToRegister")}</Link></p>
      </section>
    );
  }

  const [profile, categories] = await Promise.all([getOwnProfile(tenant, member.userId), listCategories(tenant, locale)]);
  if (!profile) {
    return (
      <section aria-labelledby="vol" className="flex flex-col gap-4">
        <h1 id="vol" className="text-3xl font-bold">{t("registerTitle", { town: tenant.name })}</h1>
        {deleted && <p role="status" className="font-semibold">{t("deleted")}</p>}
        <p className="max-w-2xl">{t("registerIntro")}</p>
        <VolunteerProfileForm categories={categories} townName={tenant.name} />
      </section>
    );
  }

  const [requests, responses, vacancies] = await Promise.all([
    profile.status === "ACTIVE" ? requestsForVolunteer(tenant, profile, locale) : Promise.resolve([]),
    myResponses(tenant, profile, locale),
    vacanciesForVolunteer(tenant, profile),
  ]);
  // Without VAPID keys push is off: no control at all.
  const push = vapidKeys();
  const open = requests.filter((r) => !r.responded);
  const kindList = (kinds: string[]) => kinds.map((k) => tc(`kinds.${k}` as "kinds.IDENTITY")).join(", ");
  const shown = open.slice(0, NEAREST_SHOWN);
  // Imported from the town's list and not yet confirmed (the link in their invitation, or here): not paused, invited.
  const invited = profile.status === "INVITED";
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="vol" className="flex flex-col gap-3">
        <h1 id="vol" className="text-3xl font-bold">{t("hello", { name: profile.name })}</h1>
        {saved && <p role="status" className="font-semibold text-green-900">{t("saved")}</p>}
        {confirmed && profile.status === "ACTIVE" && <p role="status" className="font-semibold text-green-900">{t("invitationConfirmed")}</p>}
        {!invited && <p data-testid="volunteer-status">{t(`status.${profile.status}`)}</p>}
        <div className="flex flex-wrap items-center gap-3">
          {profile.status !== "BLOCKED" && !invited && (
            <form action={pauseAction}>
              <input type="hidden" name="paused" value={profile.status === "ACTIVE" ? "true" : "false"} />
              <button type="submit" className="rounded border-2 border-brand bg-white px-3 py-2 font-semibold text-brand">
                {profile.status === "ACTIVE" ? t("pause") : t("resume")}
              </button>
            </form>
          )}
          <Link href="/volunteer/profile" className="underline">{t("editProfile")}</Link>
          <a href="/volunteer/export" className="underline" download>{t("export")}</a>
          <Link href="/volunteer/help" className="underline">{t("helpRecordLink")}</Link>
          <Link href="/concern" className="underline">{t("concernLink")}</Link>
        </div>
      </section>

      {invited && (
        <section aria-labelledby="invitation" className={`${card} flex flex-col gap-3`} data-testid="volunteer-invitation">
          <h2 id="invitation" className="text-xl font-bold">{ti("metaTitle")}</h2>
          <p>{ti("intro", { town: tenant.name })}</p>
          <InvitationTerms town={tenant.name} action={acceptOwnInvitationAction} signIn={null} />
        </section>
      )}

      {push && (
        <section aria-labelledby="push" className={card}>
          <h2 id="push" className="text-xl font-bold">{t("push.title")}</h2>
          <PushControl publicKey={push.publicKey} town={tenant.name} />
        </section>
      )}

      <VolunteerChecks tenant={tenant} profile={profile} also={vacancies.flatMap((v) => v.missingChecks)} />

      <section aria-labelledby="offers" className="flex flex-col gap-3">
        <h2 id="offers" className="text-2xl font-bold">{t("myOffers")}</h2>
        {responses.length === 0 ? <p>{t("noOffers")}</p> : (
          <ul className="flex flex-col gap-3" data-testid="my-offers">
            {responses.map((r) => (
              <li key={r.requestId} className={card}>
                <p className="font-bold">{r.category} · {r.neighbourhood} · {tellWhen(r)}</p>
                <p>{r.publicSummary}</p>
                <p className="font-semibold" data-testid="offer-status">{t(`offer.${r.status}`)}</p>
                {r.status === "PENDING" && <SimpleActionButton action={withdrawAction.bind(null, r.requestId)} label={t("withdraw")} />}
                {r.contact && (
                  <div className="mt-2 flex flex-col gap-1 rounded border-2 border-brand p-3" data-testid="contact">
                    <p className="font-bold">{t("contactTitle", { reference: r.contact.reference })}</p>
                    <p>{r.contact.name}</p>
                    {r.contact.address && <p>{r.contact.address}</p>}
                    {r.contact.phone && (
                      <p className="flex flex-wrap gap-3">
                        <a href={`tel:${r.contact.phone}`} className="rounded bg-brand px-3 py-2 font-bold text-white">{t("call", { phone: formatPhone(r.contact.phone, tenant.country) })}</a>
                        <a href={whatsappLink(r.contact.phone)} className="rounded border-2 border-brand px-3 py-2 font-bold text-brand">{t("whatsapp")}</a>
                      </p>
                    )}
                    <p>{t("contactBy", { method: te(`contactMethod.${r.contact.contactMethod}`) })}</p>
                    <p className="whitespace-pre-wrap">{r.contact.description}</p>
                    {r.contactless && <p className="font-semibold">{t("contactlessGuidance")}</p>}
                    {!r.done && r.requestStatus === "MATCHED" && <DoneForm action={markDoneAction.bind(null, r.requestId)} id={r.requestId} />}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="near" className="flex flex-col gap-3">
        <h2 id="near" className="text-2xl font-bold">{t("nearTitle")}</h2>
        {invited ? <p>{t("invitedNotice")}</p> : profile.status !== "ACTIVE" ? <p>{t("pausedNotice")}</p> : open.length === 0 ? <p data-testid="nothing-near">{t("nothingNear")}</p> : (
          <>
            {open.length > shown.length && <p>{t("nearestShown", { count: shown.length })}</p>}
            <ul className="grid gap-3 md:grid-cols-2" data-testid="requests-near">
              {shown.map((r) => (
                <li key={r.id} className={card}>
                  <h3 className="text-lg font-bold">{r.category}</h3>
                  {r.missingChecks.length > 0
                    ? <p className="font-semibold" data-testid="needs-checks">{tc("needed", { kinds: kindList(r.missingChecks) })} <a href="#checks" className="underline">{tc("howTo")}</a></p>
                    : <p>{r.publicSummary}</p>}
                  <p>{r.neighbourhood} · {tellWhen(r)}{r.distanceKm != null && ` · ${keepTogether(t("distance", { km: format.number(r.distanceKm, { maximumFractionDigits: 1 }) }))}`}</p>
                  {r.contactless && <p className="font-semibold">{t("contactless")}</p>}
                  {r.missingChecks.length === 0 && <RespondForm action={respondAction.bind(null, r.id)} id={r.id} />}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="vacancies" className="flex flex-col gap-3">
        <h2 id="vacancies" className="text-2xl font-bold">{t("vacanciesTitle")}</h2>
        {vacancies.length === 0 ? <p>{t("noVacancies")}</p> : (
          <ul className="grid gap-3 md:grid-cols-2" data-testid="vacancies">
            {vacancies.map((v) => (
              <li key={v.id} className={card}>
                <h3 className="text-lg font-bold">{v.title}</h3>
                <p className="font-semibold">{v.organisation.name}</p>
                {v.missingChecks.length > 0
                  ? <p className="font-semibold" data-testid="needs-checks">{tc("needed", { kinds: kindList(v.missingChecks) })} <a href="#checks" className="underline">{tc("howTo")}</a></p>
                  : <p className="whitespace-pre-wrap">{v.description}</p>}
                {v.missingChecks.length > 0 && !v.applied ? null : v.applied ? <p className="font-semibold">{t("applied")}</p> : <SimpleActionButton action={applyAction.bind(null, v.id)} label={t("apply")} variant="primary" />}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="delete" className={card}>
        <h2 id="delete" className="text-xl font-bold">{t("deleteTitle")}</h2>
        <p>{t("deleteText", { town: tenant.name })}</p>
        <DeleteProfileForm action={deleteProfileAction} />
      </section>
    </div>
  );
}
