"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, FormErrorSummary, SubmitButton } from "@/components/forms/fields";
import type { InvitationState } from "@/lib/imports/actions";
import { emptyForm } from "@/lib/forms/state";

type Action = (prev: InvitationState, formData: FormData) => Promise<InvitationState>;

/** An imported volunteer's yes: the code of conduct and the town's privacy statement, each ticked. */
export function InvitationForm({ action, privacyLabel, signIn }: { action: Action; privacyLabel: string; signIn: ReactNode }) {
  const t = useTranslations("invitation");
  const tv = useTranslations("volunteer");
  const [state, run, pending] = useActionState<InvitationState, FormData>(action, emptyForm);
  if (state.accepted) {
    return (
      <div role="status" className="flex flex-col gap-2 rounded border-2 border-green-800 bg-green-50 p-3 text-lg" data-testid="invitation-accepted">
        <p className="font-semibold">{t("accepted")}</p>
        {signIn}
      </div>
    );
  }
  return (
    <form action={run} noValidate className="flex flex-col gap-4" data-testid="invitation-form">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <CheckboxField name="codeOfConduct" label={tv("codeAccept")} defaultChecked={state.values.codeOfConduct === "on"} error={state.errors.codeOfConduct} />
      <CheckboxField name="privacy" label={privacyLabel} defaultChecked={state.values.privacy === "on"} error={state.errors.privacy} />
      <SubmitButton pending={pending}>{t("accept")}</SubmitButton>
    </form>
  );
}
