"use client";

import { useActionState, useState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/fields";
import { previewImportAction } from "@/lib/imports/actions";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/imports/limits";
import { emptyForm, type FormState } from "@/lib/forms/state";

const MEGABYTES = MAX_IMPORT_BYTES / 1_000_000;

/**
 * Choose a volunteer list and have it checked; the preview page opens on
 * success. A file that cannot be read says why here, in words the reader can
 * act on. A file over the limit is refused before it is sent: the choice
 * stays, and megabytes do not travel only to be refused (the server refuses
 * them too: lib/imports/parse.ts, and the proxy past the post's limit).
 */
export function ImportUploadForm() {
  const t = useTranslations("imports");
  const tf = useTranslations("form");
  const format = useFormatter();
  const [state, run, pending] = useActionState<FormState, FormData>(previewImportAction, emptyForm);
  const [tooLarge, setTooLarge] = useState(false);
  const [key, value = ""] = tooLarge ? ["tooLarge"] : (state.errors.file ?? "").split(":");
  const error = key
    ? t(`fileErrors.${key}` as "fileErrors.empty", { value: value.split(",").filter(Boolean).map((c) => t(`columns.${c}` as "columns.name")).join(", "), megabytes: MEGABYTES })
    : state.formError
      ? tf(`formErrors.${state.formError}` as "formErrors.tooLarge")
      : null;
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    const over = !!file && file.size > MAX_IMPORT_BYTES;
    setTooLarge(over);
    if (over) event.preventDefault();
  };
  return (
    <form action={run} onSubmit={checkSize} className="flex flex-col gap-3" data-testid="import-upload">
      {error && <div role="alert" id="file-error" className="rounded border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">{error}</div>}
      <label htmlFor="file" className="font-semibold">{t("fileLabel")}</label>
      <p id="file-hint" className="text-zinc-700">{t("fileHint", { megabytes: MEGABYTES, rows: format.number(MAX_IMPORT_ROWS) })}</p>
      <input
        id="file" name="file" type="file" required accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-invalid={!!error} aria-describedby={error ? "file-hint file-error" : "file-hint"} className="text-lg"
      />
      <SubmitButton pending={pending}>{t("upload")}</SubmitButton>
    </form>
  );
}
