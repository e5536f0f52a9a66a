import { getFormatter, getTranslations } from "next-intl/server";
import { ConfirmTrainingForm } from "@/components/checks/check-forms";
import { CHECK_KINDS, type CheckKind } from "@/lib/checks/kinds";
import { townCheckTerms } from "@/lib/checks/policy";
import { latestChecks, requiredForCategories } from "@/lib/checks/status";

type Props = { tenant: { id: string }; profile: { id: string; categoryIds: string[] }; also: CheckKind[] };

/**
 * The volunteer's checks: each one their categories (or a vacancy they look
 * at) need, whether it holds and until when, what ran out and when, and how
 * to get it; the training module to read and confirm. Nothing when the town
 * asks for none.
 */
export async function VolunteerChecks({ tenant, profile, also }: Props) {
  const required = new Set([...(await requiredForCategories(tenant, profile.categoryIds)), ...also]);
  const kinds = CHECK_KINDS.filter((k) => required.has(k));
  if (kinds.length === 0) return null;
  const [t, format, states, terms] = await Promise.all([getTranslations("checks"), getFormatter(), latestChecks(tenant, profile.id, kinds), townCheckTerms(tenant)]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const training = terms.TRAINING;
  return (
    <section id="checks" aria-labelledby="checks-title" className="flex flex-col gap-3 rounded bg-white p-4 shadow-sm">
      <h2 id="checks-title" className="text-xl font-bold">{t("volunteerTitle")}</h2>
      <p>{t("volunteerIntro")}</p>
      <ul className="flex flex-col gap-2" data-testid="my-checks">
        {states.map((s) => (
          <li key={s.kind} data-kind={s.kind} data-valid={s.valid}>
            <span className="font-semibold">{t(`kinds.${s.kind}`)}{terms[s.kind].name && ` (${terms[s.kind].name})`}: </span>
            {s.valid && s.validUntil ? t("validUntil", { date: date(s.validUntil) })
              : s.validUntil ? <strong className="text-red-800">{t("renew", { date: date(s.validUntil) })}</strong>
              : t("missing")}
            {!s.valid && s.kind !== "TRAINING" && <span> {t(`how.${s.kind}`)}</span>}
          </li>
        ))}
      </ul>
      {required.has("TRAINING") && training.text.trim() && !states.find((s) => s.kind === "TRAINING")?.valid && (
        <div className="flex flex-col gap-2 rounded border-2 border-brand p-3" data-testid="training">
          <h3 className="text-lg font-bold">{training.name || t("kinds.TRAINING")}</h3>
          <p className="whitespace-pre-wrap">{training.text}</p>
          <ConfirmTrainingForm />
        </div>
      )}
    </section>
  );
}
