"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormErrorSummary, SubmitButton, TextField } from "@/components/forms/fields";
import { addAreaFromPostcodeAction } from "@/lib/areas/actions";
import { addCategoryAction } from "@/lib/categories/actions";
import { labelField } from "@/lib/categories/schemas";
import { emptyForm, type FormState } from "@/lib/forms/state";
import { LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** One label field per language the town offers; `prefix` keeps ids apart when a page has several such forms. */
function LabelFields({ state, locales, labels = {}, prefix }: { state: FormState; locales: Locale[]; labels?: Partial<Record<Locale, string>>; prefix: string }) {
  const t = useTranslations("structure");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {locales.map((l) => (
        <TextField key={l} id={`${prefix}-${l}`} name={labelField(l)} label={t("labelIn", { language: LOCALE_NAMES[l] })}
          defaultValue={state.values[labelField(l)] ?? labels[l] ?? ""} error={state.errors[labelField(l)]} />
      ))}
    </div>
  );
}

export function AddCategoryForm({ locales }: { locales: Locale[] }) {
  const t = useTranslations("structure");
  const [state, run, pending] = useActionState<FormState, FormData>(addCategoryAction, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-col gap-3" data-testid="add-category">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      {state.values.added && <p role="status" className="font-semibold text-green-900">{t("categoryAdded")}</p>}
      <LabelFields state={state} locales={locales} prefix="new" />
      <SubmitButton pending={pending}>{t("addCategory")}</SubmitButton>
    </form>
  );
}

export function RenameCategoryForm({ action, locales, labels, id }: { action: Action; locales: Locale[]; labels: Partial<Record<Locale, string>>; id: string }) {
  const t = useTranslations("structure");
  const [state, run, pending] = useActionState<FormState, FormData>(action, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-col gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      {state.values.saved && <p role="status" className="font-semibold text-green-900">{t("saved")}</p>}
      <LabelFields state={state} locales={locales} labels={labels} prefix={id} />
      <SubmitButton pending={pending}>{t("rename")}</SubmitButton>
    </form>
  );
}

/** One button that runs an action (move, retire, restore, remove), its refusal shown beside it. */
export function ActionButton({ action, label, fields = {}, disabled, danger }: { action: Action; label: string; fields?: Record<string, string>; disabled?: boolean; danger?: boolean }) {
  const [state, run, pending] = useActionState<FormState, FormData>(action, emptyForm);
  return (
    <form action={run} className="flex flex-col gap-2">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" disabled={pending || disabled}
        className={`rounded border-2 px-3 py-2 font-semibold disabled:opacity-50 ${danger ? "border-red-800 text-red-800" : "border-zinc-800 text-zinc-900"}`}>
        {label}
      </button>
    </form>
  );
}

export function RenameAreaForm({ action, name, id }: { action: Action; name: string; id: string }) {
  const t = useTranslations("structure");
  const [state, run, pending] = useActionState<FormState, FormData>(action, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-wrap items-end gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <TextField id={`area-${id}`} name="name" label={t("areaName")} defaultValue={state.values.name ?? name} error={state.errors.name} />
      <SubmitButton pending={pending}>{t("rename")}</SubmitButton>
    </form>
  );
}

/** "Add" on one result of the postcode search: the server looks its coordinates up again from postcode and place. */
export function AddFromPostcodeButton({ postcode, place }: { postcode: string; place: string }) {
  const t = useTranslations("structure");
  const [state, run, pending] = useActionState<FormState, FormData>(addAreaFromPostcodeAction, emptyForm);
  if (state.values.added) return <p role="status" className="font-semibold text-green-900">{t("areaAdded", { name: state.values.added })}</p>;
  return (
    <form action={run} className="flex flex-col gap-2">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <input type="hidden" name="postcode" value={postcode} />
      <input type="hidden" name="place" value={place} />
      <button type="submit" disabled={pending} className="rounded bg-brand px-3 py-2 font-bold text-white disabled:opacity-60">
        {t("addPlace", { place, postcode })}
      </button>
    </form>
  );
}
