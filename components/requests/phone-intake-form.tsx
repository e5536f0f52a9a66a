"use client";

import { useActionState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, FormErrorSummary, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { SubmissionKeyField } from "@/components/forms/submission-key-field";
import { RequestFields, type CategoryOption } from "@/components/requests/request-fields";
import { emptyForm, type FormState } from "@/lib/forms/state";
import { LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import { submitPhoneRequest } from "@/lib/requests/actions";
import { AGE_GROUPS, RECURRENCES, URGENCIES } from "@/lib/requests/schemas";

type Props = {
  categories: CategoryOption[]; locales: readonly Locale[]; submissionKey: string;
  /** A partner's referral (lib/referrals) uses the same form: its action and how it words the resident's consent and the button. */
  referral?: { action: (prev: FormState, formData: FormData) => Promise<FormState>; consentLabel: string; submitLabel: string };
};

/** Keyboard-first: the category select has focus, Tab walks the fields, Ctrl+Enter saves. */
export function PhoneIntakeForm({ categories, locales, submissionKey, referral }: Props) {
  const t = useTranslations("intake");
  const te = useTranslations("enums");
  const [state, action, pending] = useActionState<FormState, FormData>(referral?.action ?? submitPhoneRequest, emptyForm);
  const v = state.values;
  const submitOnCtrlEnter = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  };
  return (
    <form action={action} noValidate onKeyDown={submitOnCtrlEnter} className="flex max-w-3xl flex-col gap-5">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <SubmissionKeyField value={submissionKey} />
      <RequestFields state={state} categories={categories} variant="phone" />
      <div className="grid gap-4 sm:grid-cols-4">
        <SelectField name="urgency" label={t("urgencyLabel")} defaultValue={v.urgency ?? "NORMAL"} options={URGENCIES.map((u) => ({ value: u, label: te(`urgency.${u}`) }))} error={state.errors.urgency} />
        <SelectField name="ageGroup" label={t("ageGroupLabel")} defaultValue={v.ageGroup ?? "UNKNOWN"} options={AGE_GROUPS.map((a) => ({ value: a, label: te(`ageGroup.${a}`) }))} error={state.errors.ageGroup} />
        <SelectField name="recurrence" label={t("recurrenceLabel")} defaultValue={v.recurrence ?? "NONE"} options={RECURRENCES.map((r) => ({ value: r, label: te(`recurrence.${r}`) }))} error={state.errors.recurrence} />
        <SelectField name="locale" label={t("localeLabel")} defaultValue={v.locale} options={locales.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
      </div>
      <CheckboxField name="consentByPhone" label={referral?.consentLabel ?? t("consentByPhoneLabel")} defaultChecked={v.consentByPhone === "on"} error={state.errors.consentByPhone} />
      <TextField name="consentNote" label={t("consentNoteLabel")} optional defaultValue={v.consentNote} error={state.errors.consentNote} />
      <SubmitButton pending={pending}>{referral?.submitLabel ?? t("submit")}</SubmitButton>
      <p className="text-zinc-700">{t("shortcut")}</p>
    </form>
  );
}
