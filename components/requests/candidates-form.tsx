"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { FormErrorSummary, SubmitButton, TextField } from "@/components/forms/fields";
import { emptyForm, type FormState } from "@/lib/forms/state";
import type { Candidate } from "@/lib/matching/candidates";
import { Cell, DataTable, Row } from "@/components/ui/data-table";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** Ranked candidates with the parts of their score; the coordinator ticks one or more and assigns. */
export function CandidatesForm({ action, candidates }: { action: Action; candidates: Candidate[] }) {
  const t = useTranslations("matching");
  const format = useFormatter();
  const [state, run, pending] = useActionState(action, emptyForm);
  if (candidates.length === 0) return <p>{t("noCandidates")}</p>;
  return (
    <form action={run} className="flex flex-col gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <DataTable caption={t("candidatesTitle")} testId="candidates" columns={[t("choose"), t("volunteer"), t("offered"), t("distance"), t("score"), t("recent")]}>
        {candidates.map((c) => (
          <Row key={c.id}>
            <Cell><input type="checkbox" name="volunteerIds" value={c.id} aria-label={t("chooseVolunteer", { name: c.name })} className="h-5 w-5" /></Cell>
            <Cell className="font-semibold">{c.name}</Cell>
            <Cell>{c.responseStatus ? t(`response.${c.responseStatus}` as "response.PENDING") : "—"}{c.responseMessage && <span className="block text-sm">“{c.responseMessage}”</span>}</Cell>
            <Cell className="whitespace-nowrap">{c.distanceKm == null ? c.postcode : t("km", { km: format.number(c.distanceKm, { maximumFractionDigits: 1 }) })}</Cell>
            <Cell>
              <span className="text-lg font-bold">{c.score.total}</span>
              <span className="block text-sm text-zinc-700">{t("parts", c.score)}</span>
            </Cell>
            <Cell>{c.recentAssignments}</Cell>
          </Row>
        ))}
      </DataTable>
      <SubmitButton pending={pending}>{t("assign")}</SubmitButton>
    </form>
  );
}

export function CapForm({ action, value }: { action: Action; value: number }) {
  const t = useTranslations("matching");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-wrap items-end gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <TextField name="maxResponses" label={t("capLabel")} type="number" defaultValue={state.values.maxResponses ?? String(value)} error={state.errors.maxResponses} />
      <SubmitButton pending={pending}>{t("saveCap")}</SubmitButton>
    </form>
  );
}
