"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormErrorSummary, SubmitButton } from "@/components/forms/fields";
import type { AlertLinkState } from "@/lib/alerts/actions";
import { emptyForm } from "@/lib/forms/state";

type Action = (prev: AlertLinkState, formData: FormData) => Promise<AlertLinkState>;

/** The one button of an alert's link page; a POST, so a mail scanner opening the link offers nothing. */
export function AlertOfferForm({ action }: { action: Action }) {
  const t = useTranslations("alertLink");
  const [state, run, pending] = useActionState<AlertLinkState, FormData>(action, emptyForm);
  if (state.done) return <p role="status" className="rounded border-2 border-green-800 bg-green-50 p-3 text-lg font-semibold" data-testid="alert-done">{t("done")}</p>;
  return (
    <form action={run} className="flex flex-col gap-2">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <SubmitButton pending={pending}>{t("button")}</SubmitButton>
    </form>
  );
}
