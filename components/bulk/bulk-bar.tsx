"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormErrorSummary, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { BulkResult } from "@/components/bulk/bulk-result";
import type { BulkState } from "@/lib/bulk/result";
import { BULK_FORMS, BULK_LIMIT, REQUEST_BULK_OPS } from "@/lib/bulk/schemas";
import { URGENCIES } from "@/lib/requests/schemas";

type Action = (prev: BulkState, formData: FormData) => Promise<BulkState>;
const initial: BulkState = { values: {}, errors: {} };

/**
 * The bar above a staff list that acts on the ticked rows. Works without
 * JavaScript: "Review" posts the selection and the page comes back with what
 * will happen to how many; a second form confirms exactly that selection
 * (ticking more boxes afterwards changes nothing until reviewed again).
 */
export function BulkBar({ kind, action, pageIds }: { kind: keyof typeof BULK_FORMS; action: Action; pageIds: string[] }) {
  const t = useTranslations("bulk");
  const te = useTranslations("enums");
  const tf = useTranslations("form");
  const [state, run, pending] = useActionState(action, initial);
  const formId = BULK_FORMS[kind];
  const v = state.values;
  // With JavaScript, "all on this page" also ticks the boxes, so what is selected is what is seen.
  const tickAll = (checked: boolean) =>
    document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=ids][form="${formId}"]`).forEach((box) => { box.checked = checked; });
  const review = state.review;
  // An empty page has nothing to tick; the bar stays mounted, so what was just done (which may have emptied the page) stays shown.
  if (pageIds.length === 0 && !review && !state.result && !state.formError && Object.keys(state.errors).length === 0) return null;
  return (
    <section aria-labelledby={`${formId}-title`} className="flex flex-col gap-3 rounded bg-white p-3 shadow-sm" data-testid={formId} data-print-hide>
      <h2 id={`${formId}-title`} className="text-xl font-bold">{t(`${kind}.title`)}</h2>
      <form id={formId} action={run} noValidate className="flex flex-col gap-3">
        <FormErrorSummary errors={state.errors} formError={state.formError} />
        {state.errors.ids && <p className="font-semibold text-red-800">{tf(`errors.${state.errors.ids}` as "errors.required", { max: BULK_LIMIT })}</p>}
        <p className="text-zinc-700">{t("hint", { max: BULK_LIMIT })}</p>
        <label className="flex items-center gap-2 font-semibold">
          <input type="checkbox" name="allOnPage" className="h-5 w-5" onChange={(e) => tickAll(e.currentTarget.checked)} />
          {t("allOnPage", { count: pageIds.length })}
        </label>
        {pageIds.map((id) => <input key={id} type="hidden" name="pageIds" value={id} />)}
        {kind === "requests" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField name="op" id={`${formId}-op`} label={t("requests.op")} defaultValue={v.op} error={state.errors.op}
              options={REQUEST_BULK_OPS.map((op) => ({ value: op, label: t(`requests.ops.${op}`) }))} />
            <SelectField name="urgency" id={`${formId}-urgency`} label={t("requests.urgency")} defaultValue={v.urgency || "HIGH"} error={state.errors.urgency}
              options={URGENCIES.map((u) => ({ value: u, label: te(`urgency.${u}`) }))} />
          </div>
        ) : (
          <>
            <TextField name="subject" id={`${formId}-subject`} label={t("volunteers.subject")} defaultValue={v.subject} error={state.errors.subject} />
            <TextField name="body" id={`${formId}-body`} label={t("volunteers.body")} hint={t("volunteers.bodyHint")} multiline defaultValue={v.body} error={state.errors.body} />
          </>
        )}
        <SubmitButton pending={pending}>{t("review")}</SubmitButton>
      </form>
      {review && (
        <form action={run} className="flex flex-col gap-3 rounded border-2 border-amber-600 bg-amber-50 p-3" data-testid={`${formId}-review`}>
          <p role="status" className="font-semibold">
            {kind === "requests"
              ? t(`requests.confirm.${v.op as "publish"}`, { count: review.count, urgency: v.urgency ? te(`urgency.${v.urgency as "HIGH"}`) : "" })
              : t("volunteers.confirm", { count: review.count, subject: v.subject ?? "" })}
          </p>
          {review.count < review.ids.length && <p>{t("othersIgnored", { count: review.ids.length - review.count })}</p>}
          <input type="hidden" name="confirmed" value="yes" />
          {Object.entries(v).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
          {review.ids.map((id) => <input key={id} type="hidden" name="confirmedIds" value={id} />)}
          <SubmitButton pending={pending}>{t("confirm", { count: review.count })}</SubmitButton>
        </form>
      )}
      {state.result && <BulkResult items={state.result} />}
    </section>
  );
}
