"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/fields";
import { previewImportAction } from "@/lib/imports/actions";
import { emptyForm, type FormState } from "@/lib/forms/state";

/**
 * Choose a volunteer list and have it checked; the preview page opens on
 * success. A file that cannot be read says why here, in words the reader can act on.
 */
export function ImportUploadForm({ label, hint }: { label: string; hint: string }) {
  const t = useTranslations("imports");
  const tf = useTranslations("form");
  const [state, run, pending] = useActionState<FormState, FormData>(previewImportAction, emptyForm);
  const [key, value = ""] = (state.errors.file ?? "").split(":");
  const error = key
    ? t(`fileErrors.${key}` as "fileErrors.empty", { value: value.split(",").filter(Boolean).map((c) => t(`columns.${c}` as "columns.name")).join(", ") })
    : state.formError
      ? tf(`formErrors.${state.formError}` as "formErrors.tooLarge")
      : null;
  return (
    <form action={run} className="flex flex-col gap-3" data-testid="import-upload">
      {error && <div role="alert" id="file-error" className="rounded border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">{error}</div>}
      <label htmlFor="file" className="font-semibold">{label}</label>
      <p id="file-hint" className="text-zinc-700">{hint}</p>
      <input
        id="file" name="file" type="file" required accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-invalid={!!error} aria-describedby={error ? "file-hint file-error" : "file-hint"} className="text-lg"
      />
      <SubmitButton pending={pending}>{t("upload")}</SubmitButton>
    </form>
  );
}
