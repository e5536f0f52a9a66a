"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormErrorSummary, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { checkTermsAction, confirmTrainingAction } from "@/lib/checks/actions";
import { CHECK_KINDS, STAFF_CONFIRMED, type CheckKind } from "@/lib/checks/kinds";
import { emptyForm, type FormState } from "@/lib/forms/state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** Which checks a category or a vacancy needs: a checkbox per kind, none ticked meaning none. */
export function RequiredChecksForm({ action, kinds, id, label }: { action: Action; kinds: CheckKind[]; id: string; label: string }) {
  const t = useTranslations("checks");
  const [state, run, pending] = useActionState<FormState, FormData>(action, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-col gap-2" data-testid="required-checks">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      {state.values.saved && <p role="status" className="font-semibold text-green-900">{t("saved")}</p>}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{label}</legend>
        <div className="flex flex-wrap gap-2">
          {CHECK_KINDS.map((k) => (
            <label key={k} className="flex cursor-pointer items-center gap-2 rounded border-2 border-zinc-700 bg-white px-3 py-2 has-checked:border-brand has-checked:font-bold">
              <input type="checkbox" name="kinds" value={k} defaultChecked={kinds.includes(k)} id={`${id}-${k}`} className="h-5 w-5" />
              {t(`kinds.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pending={pending}>{t("saveRequired")}</SubmitButton>
    </form>
  );
}

/** One kind's terms: validity in months; the extract's name; the training's title and text. */
export function CheckTermsForm({ kind, validMonths, name, text }: { kind: CheckKind; validMonths: number; name: string; text: string }) {
  const t = useTranslations("checks");
  const [state, run, pending] = useActionState<FormState, FormData>(checkTermsAction, emptyForm);
  const v = (field: string, fallback: string) => state.values[field] ?? fallback;
  return (
    <form action={run} noValidate className="flex flex-col gap-3" data-testid={`terms-${kind}`}>
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      {state.values.saved && <p role="status" className="font-semibold text-green-900">{t("saved")}</p>}
      <input type="hidden" name="kind" value={kind} />
      <TextField id={`${kind}-months`} name="validMonths" type="number" inputMode="numeric" label={t("validMonths")} hint={t("validMonthsHint")}
        defaultValue={v("validMonths", String(validMonths))} error={state.errors.validMonths} />
      {kind === "RECORD_EXTRACT" || kind === "TRAINING" ? (
        <TextField id={`${kind}-name`} name="name" label={t(kind === "TRAINING" ? "trainingTitle" : "extractName")} hint={kind === "RECORD_EXTRACT" ? t("extractNameHint") : undefined}
          defaultValue={v("name", name)} error={state.errors.name} optional />
      ) : <input type="hidden" name="name" value="" />}
      {kind === "TRAINING" ? (
        <TextField id={`${kind}-text`} name="text" multiline label={t("trainingText")} hint={t("trainingTextHint")} defaultValue={v("text", text)} error={state.errors.text} optional />
      ) : <input type="hidden" name="text" value="" />}
      <SubmitButton pending={pending}>{t("saveTerms")}</SubmitButton>
    </form>
  );
}

/** Staff record what they saw: which check, and a short note (never the document). */
export function ConfirmCheckForm({ action }: { action: Action }) {
  const t = useTranslations("checks");
  const [state, run, pending] = useActionState<FormState, FormData>(action, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-col gap-3" data-testid="confirm-check">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      {state.values.saved && <p role="status" className="font-semibold text-green-900">{t("confirmed")}</p>}
      <SelectField name="kind" label={t("whichCheck")} defaultValue={state.values.kind ?? "IDENTITY"} error={state.errors.kind}
        options={STAFF_CONFIRMED.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
      <TextField name="note" label={t("note")} hint={t("noteHint")} defaultValue={state.values.note ?? ""} error={state.errors.note} optional />
      <SubmitButton pending={pending}>{t("confirm")}</SubmitButton>
    </form>
  );
}

/** The volunteer confirms they read the training module shown above the button. */
export function ConfirmTrainingForm() {
  const t = useTranslations("checks");
  const [state, run, pending] = useActionState<FormState, FormData>(confirmTrainingAction, emptyForm);
  return (
    <form action={run} className="flex flex-col gap-2" data-testid="confirm-training">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      {state.values.saved && <p role="status" className="font-semibold text-green-900">{t("trainingConfirmed")}</p>}
      <SubmitButton pending={pending}>{t("confirmTraining")}</SubmitButton>
    </form>
  );
}
