"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, FormErrorSummary, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { emptyForm, type FormState } from "@/lib/forms/state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
type Option = { value: string; label: string };

/**
 * Raising a concern, for every way in: staff on the phone (the caller's contact,
 * the volunteer it names), a resident's link (contact, "about the volunteer"),
 * a volunteer (one of their requests) or a partner (text only).
 */
export function ConcernForm({ action, contact, volunteers, aboutVolunteer, requests }: {
  action: Action; contact?: boolean; volunteers?: Option[]; aboutVolunteer?: boolean; requests?: Option[];
}) {
  const t = useTranslations("concerns");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} noValidate className="flex max-w-2xl flex-col gap-4" data-testid="concern-form">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <TextField name="about" label={t("aboutLabel")} hint={t("aboutHint")} defaultValue={state.values.about} error={state.errors.about} />
      <TextField name="body" label={t("bodyLabel")} hint={t("bodyHint")} multiline defaultValue={state.values.body} error={state.errors.body} />
      {volunteers && volunteers.length > 0 && (
        <SelectField name="volunteerId" label={t("volunteerLabel")} optional defaultValue={state.values.volunteerId}
          options={[{ value: "", label: t("noVolunteer") }, ...volunteers]} error={state.errors.volunteerId} />
      )}
      {aboutVolunteer && <CheckboxField name="aboutVolunteer" label={t("aboutVolunteerLabel")} optional defaultChecked={state.values.aboutVolunteer === "on"} />}
      {requests && requests.length > 0 && (
        <SelectField name="requestId" label={t("requestLabel")} optional defaultValue={state.values.requestId}
          options={[{ value: "", label: t("noRequest") }, ...requests]} error={state.errors.requestId} />
      )}
      {contact && <TextField name="contact" label={t("contactLabel")} hint={t("contactHint")} optional defaultValue={state.values.contact} error={state.errors.contact} />}
      <SubmitButton pending={pending}>{t("send")}</SubmitButton>
    </form>
  );
}

/** The lead's note on a concern. */
export function ConcernNoteForm({ action }: { action: Action }) {
  const t = useTranslations("concerns");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-col gap-2">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <TextField name="body" label={t("noteLabel")} multiline defaultValue={state.values.body} error={state.errors.body} />
      <SubmitButton pending={pending}>{t("addNote")}</SubmitButton>
    </form>
  );
}

/** The lead's status and deadline of a concern. */
export function ConcernStateForm({ action, name, label, options, defaultValue, type }: {
  action: Action; name: string; label: string; options?: Option[]; defaultValue: string; type?: string;
}) {
  const t = useTranslations("concerns");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-col gap-2">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      {options
        ? <SelectField name={name} label={label} defaultValue={state.values[name] ?? defaultValue} options={options} error={state.errors[name]} />
        : <TextField name={name} label={label} type={type} defaultValue={state.values[name] ?? defaultValue} error={state.errors[name]} />}
      <button type="submit" disabled={pending} className="self-start rounded border-2 border-brand bg-white px-3 py-1 font-semibold text-brand">{t("save")}</button>
    </form>
  );
}
