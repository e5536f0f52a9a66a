"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, FormErrorSummary, SubmitButton, TextField } from "@/components/forms/fields";
import { emptyForm, type FormState } from "@/lib/forms/state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
type Props = {
  phone: string;
  smsAlerts: boolean;
  verified: boolean;
  optedOut: boolean;
  notice: "saved" | "sent" | null;
  actions: { consent: Action; send: Action; confirm: Action };
};

/** Alerts by text on the volunteer's profile: consent, then the number confirmed by a code. */
export function SmsAlertsPanel({ phone, smsAlerts, verified, optedOut, notice, actions }: Props) {
  const t = useTranslations("smsChannel.phone");
  const [consent, runConsent, savingConsent] = useActionState(actions.consent, emptyForm);
  const [send, runSend, sending] = useActionState(actions.send, emptyForm);
  const [confirm, runConfirm, confirming] = useActionState(actions.confirm, emptyForm);
  return (
    <section id="sms" aria-labelledby="sms-title" className="flex flex-col gap-3 rounded bg-white p-4 shadow-sm">
      <h2 id="sms-title" className="text-2xl font-bold">{t("title")}</h2>
      <p>{t("intro", { phone })}</p>
      {notice === "saved" && <p role="status">{t("saved")}</p>}
      {optedOut && <p role="status" className="font-semibold">{t("optedOut")}</p>}
      <form action={runConsent} className="flex flex-col gap-2">
        <FormErrorSummary errors={consent.errors} formError={consent.formError} />
        <CheckboxField name="smsAlerts" label={t("consent")} defaultChecked={smsAlerts} optional />
        <SubmitButton pending={savingConsent}>{t("save")}</SubmitButton>
      </form>
      {smsAlerts && verified && <p role="status" data-testid="phone-verified">{t("verified", { phone })}</p>}
      {smsAlerts && !verified && !optedOut && (
        <>
          <form action={runSend} className="flex flex-col gap-2">
            <FormErrorSummary errors={send.errors} formError={send.formError} />
            <SubmitButton pending={sending}>{t("send")}</SubmitButton>
          </form>
          {notice === "sent" && <p role="status">{t("codeSent", { phone })}</p>}
          <form action={runConfirm} noValidate className="flex flex-col gap-2">
            <FormErrorSummary errors={confirm.errors} formError={confirm.formError} />
            <TextField name="code" label={t("codeLabel")} inputMode="numeric" autoComplete="one-time-code" defaultValue={confirm.values.code} error={confirm.errors.code} />
            <SubmitButton pending={confirming}>{t("confirm")}</SubmitButton>
          </form>
        </>
      )}
    </section>
  );
}
