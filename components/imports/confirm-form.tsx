"use client";

import { useActionState } from "react";
import { FormErrorSummary, SubmitButton } from "@/components/forms/fields";
import { emptyForm, type FormState } from "@/lib/forms/state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** Confirms a preview: the import starts and the page shows its progress. */
export function ImportConfirmForm({ action, label }: { action: Action; label: string }) {
  const [state, run, pending] = useActionState<FormState, FormData>(action, emptyForm);
  return (
    <form action={run} className="flex flex-col gap-2" data-testid="import-confirm">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <SubmitButton pending={pending}>{label}</SubmitButton>
    </form>
  );
}
