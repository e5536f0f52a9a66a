"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormErrorSummary, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/state";
import { inviteColleagueAction, invitePartnerAction, type PartnerInviteState } from "@/lib/partners/actions";
import { ORGANISATION_KINDS, PARTNER_ROLES } from "@/lib/partners/schemas";

const empty: PartnerInviteState = { values: {}, errors: {} };

function Sent({ to }: { to?: string }) {
  const t = useTranslations("partners");
  return to ? <p role="status" className="font-semibold text-green-900" data-testid="invitation-sent">{t("invitationSent", { email: to })}</p> : null;
}

/** The town's admin invites a partner: its name, its kind and its first member's address. */
export function PartnerInviteForm() {
  const t = useTranslations("partners");
  const [state, run, pending] = useActionState(invitePartnerAction, empty);
  return (
    <form action={run} noValidate className="flex max-w-2xl flex-col gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <Sent to={state.invited} />
      <TextField name="name" id="partner-name" label={t("nameLabel")} defaultValue={state.values.name} error={state.errors.name} />
      <SelectField
        name="kind" id="partner-kind" label={t("kindLabel")} defaultValue={state.values.kind ?? "SOCIAL_SERVICE"} error={state.errors.kind}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
      />
      <TextField name="email" id="partner-email" type="email" label={t("firstMemberLabel")} defaultValue={state.values.email} error={state.errors.email} />
      <SubmitButton pending={pending}>{t("invitePartner")}</SubmitButton>
    </form>
  );
}

/** A partner's manager invites a colleague with a role. */
export function ColleagueInviteForm() {
  const t = useTranslations("partners");
  const [state, run, pending] = useActionState(inviteColleagueAction, empty);
  return (
    <form action={run} noValidate className="flex max-w-2xl flex-col gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <Sent to={state.invited} />
      <TextField name="email" id="colleague-email" type="email" label={t("colleagueEmailLabel")} defaultValue={state.values.email} error={state.errors.email} />
      <SelectField
        name="role" id="colleague-role" label={t("roleLabel")} defaultValue={state.values.role ?? "REFERRER"} error={state.errors.role}
        options={PARTNER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      <SubmitButton pending={pending}>{t("inviteColleague")}</SubmitButton>
    </form>
  );
}

/** Joining a partner, or correcting one's details there: the name and phone number the town calls back on. */
export function JoinPartnerForm({ action, name, phone, submit }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; name?: string; phone?: string; submit?: string }) {
  const t = useTranslations("partners");
  const [state, run, pending] = useActionState(action, { values: {}, errors: {} });
  return (
    <form action={run} noValidate className="flex max-w-2xl flex-col gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <TextField name="name" id="join-name" label={t("joinNameLabel")} defaultValue={state.values.name ?? name} error={state.errors.name} />
      <TextField name="phone" id="join-phone" type="tel" label={t("joinPhoneLabel")} hint={t("joinPhoneHint")} defaultValue={state.values.phone ?? phone} error={state.errors.phone} />
      <SubmitButton pending={pending}>{submit ?? t("join")}</SubmitButton>
    </form>
  );
}
