"use client";

import Link from "next/link";
import { useActionState, useState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { CheckboxField, FormErrorSummary, SubmitButton, TextField } from "@/components/forms/fields";
import { emptyForm } from "@/lib/forms/state";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import {
  eraseResidentAction, lookupResidentAction, type ResidentEraseState, type ResidentLookupState, type ResidentMatch,
} from "@/lib/residents/actions";

/** Find a resident's requests by phone or e-mail; then export or erase, each after the identity check. */
export function ResidentRights() {
  const t = useTranslations("residents");
  const [state, run, pending] = useActionState<ResidentLookupState, FormData>(lookupResidentAction, emptyForm);
  return (
    <div className="flex flex-col gap-6">
      <form action={run} noValidate className="flex flex-col gap-3 rounded bg-white p-4 shadow-sm" aria-labelledby="lookup-title">
        <h2 id="lookup-title" className="text-xl font-bold">{t("lookupTitle")}</h2>
        <FormErrorSummary errors={state.errors} formError={state.formError} />
        <TextField name="contact" label={t("contactLabel")} hint={t("contactHint")} defaultValue={state.values.contact} error={state.errors.contact} />
        <SubmitButton pending={pending}>{t("find")}</SubmitButton>
      </form>
      {/* A new lookup starts a fresh result panel (and a fresh erase form). */}
      {state.result && <Results key={state.result.at} contact={state.result.contact} requests={state.result.requests} />}
    </div>
  );
}

function Results({ contact, requests }: { contact: string; requests: ResidentMatch[] }) {
  const t = useTranslations("residents");
  const te = useTranslations("enums");
  const format = useFormatter();
  const [erase, runErase, erasing] = useActionState<ResidentEraseState, FormData>(eraseResidentAction, emptyForm);
  if (erase.erased) {
    return <p role="status" className="rounded border-2 border-green-800 bg-green-50 p-3 font-semibold" data-testid="erased">{t("erased", { count: erase.erased.length, references: erase.erased.join(", ") })}</p>;
  }
  if (requests.length === 0) return <p role="status" data-testid="resident-none">{t("noneFound")}</p>;
  return (
    <section aria-labelledby="found-title" className="flex flex-col gap-4 rounded bg-white p-4 shadow-sm">
      <h2 id="found-title" className="text-xl font-bold">{t("foundTitle")}</h2>
      <p role="status">{t("foundCount", { count: requests.length })}</p>
      <DataTable caption={t("foundTitle")} testId="resident-requests" columns={[t("reference"), t("name"), t("category"), t("status"), t("created")]}>
        {requests.map((r) => (
          <Row key={r.id}>
            <Cell><Link href={`/staff/requests/${r.id}`} className="font-mono font-bold underline">{r.reference}</Link></Cell>
            <Cell>{r.residentName || "—"}</Cell>
            <Cell>{r.category}</Cell>
            <Cell>{te(`status.${r.status}` as "status.NEW")}</Cell>
            <Cell>{format.dateTime(new Date(r.createdAt), { dateStyle: "short", timeStyle: "short" })}</Cell>
          </Row>
        ))}
      </DataTable>

      <ExportForm contact={contact} />

      <form action={runErase} noValidate className="flex flex-col gap-3 border-t-2 border-zinc-300 pt-4" aria-labelledby="erase-title">
        <h3 id="erase-title" className="text-lg font-bold">{t("eraseTitle")}</h3>
        <p>{t("eraseIntro")}</p>
        <FormErrorSummary errors={erase.errors} formError={erase.formError} />
        <input type="hidden" name="contact" value={contact} />
        <CheckboxField name="identityVerified" id="erase-identity" label={t("identityLabel")} defaultChecked={erase.values.identityVerified === "on"} error={erase.errors.identityVerified} />
        <CheckboxField name="confirm" id="erase-confirm" label={t("eraseConfirm", { count: requests.length })} error={erase.errors.confirm} />
        <button type="submit" disabled={erasing} className="self-start rounded bg-red-800 px-5 py-3 text-lg font-bold text-white disabled:opacity-60">{t("eraseButton")}</button>
      </form>
    </section>
  );
}

/**
 * A plain POST to the export route, so the browser downloads the file. The
 * route checks everything again; this only spares a round trip when the box is unticked.
 */
function ExportForm({ contact }: { contact: string }) {
  const t = useTranslations("residents");
  const [error, setError] = useState<string>();
  const check = (event: FormEvent<HTMLFormElement>) => {
    const box = event.currentTarget.elements.namedItem("identityVerified") as HTMLInputElement;
    if (box.checked) return setError(undefined);
    event.preventDefault();
    setError("identityCheckRequired");
    box.focus();
  };
  return (
    <form method="post" action="/staff/residents/export" noValidate onSubmit={check} className="flex flex-col gap-3 border-t-2 border-zinc-300 pt-4" aria-labelledby="export-title">
      <h3 id="export-title" className="text-lg font-bold">{t("exportTitle")}</h3>
      <p>{t("exportIntro")}</p>
      <input type="hidden" name="contact" value={contact} />
      <CheckboxField name="identityVerified" id="export-identity" label={t("identityLabel")} error={error} />
      <SubmitButton>{t("exportButton")}</SubmitButton>
    </form>
  );
}
