"use client";

import { useTranslations } from "next-intl";
import { CheckboxField, RadioGroup, SelectField, TextField } from "@/components/forms/fields";
import { WhenFields } from "@/components/requests/when-fields";
import type { FormState } from "@/lib/forms/state";
import { CONTACT_METHODS } from "@/lib/requests/contact-methods";

export type CategoryOption = { id: string; label: string };

/** Labels that address the resident; on the phone intake form staff read them, so they speak about the resident. */
const STAFF_WORDING = ["categoryLabel", "descriptionLabel", "descriptionHint", "timeWindowLabel", "nameLabel", "contactMethodLabel", "emailHint", "addressHint", "contactlessLabel", "smsConsentLabel"] as const;
type StaffWorded = (typeof STAFF_WORDING)[number];

/** The fields a resident and a phone operator both fill in. */
export function RequestFields({ state, categories, variant }: { state: FormState; categories: CategoryOption[]; variant: "resident" | "phone" }) {
  const tr = useTranslations("request");
  const ti = useTranslations("intake.fields");
  const t = (key: Parameters<typeof tr>[0]) =>
    variant === "phone" && (STAFF_WORDING as readonly string[]).includes(key) ? ti(key as StaffWorded) : tr(key);
  const v = state.values;
  const e = state.errors;
  const options = categories.map((c) => ({ value: c.id, label: c.label }));
  return (
    <>
      {variant === "resident" ? (
        <RadioGroup name="categoryId" label={t("categoryLabel")} options={options} defaultValue={v.categoryId} error={e.categoryId} />
      ) : (
        <SelectField name="categoryId" label={t("categoryLabel")} options={[{ value: "", label: "—" }, ...options]} defaultValue={v.categoryId} error={e.categoryId} autoFocus />
      )}
      <TextField name="description" label={t("descriptionLabel")} hint={t("descriptionHint")} multiline defaultValue={v.description} error={e.description} />
      <WhenFields values={v} errors={e} weekly={variant === "resident"} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="postcode" label={t("postcodeLabel")} autoComplete="postal-code" defaultValue={v.postcode} error={e.postcode} />
        <TextField name="neighbourhood" label={t("neighbourhoodLabel")} optional defaultValue={v.neighbourhood} error={e.neighbourhood} />
      </div>
      <TextField name="name" label={t("nameLabel")} autoComplete="name" defaultValue={v.name} error={e.name} />
      <RadioGroup
        name="contactMethod"
        label={t("contactMethodLabel")}
        options={CONTACT_METHODS.map((m) => ({ value: m, label: tr(`contactMethods.${m}`) }))}
        defaultValue={v.contactMethod ?? "PHONE"}
        error={e.contactMethod}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="phone" label={t("phoneLabel")} hint={t("phoneHint")} type="tel" inputMode="tel" autoComplete="tel" optional defaultValue={v.phone} error={e.phone} />
        <TextField name="email" label={t("emailLabel")} hint={t("emailHint")} type="email" inputMode="email" autoComplete="email" optional defaultValue={v.email} error={e.email} />
      </div>
      {/* Off unless ticked: a text needs the resident's own yes (lib/notifications/policy.ts). */}
      <CheckboxField name="smsConsent" label={t("smsConsentLabel")} optional defaultChecked={v.smsConsent === "on"} error={e.smsConsent} />
      <TextField name="address" label={t("addressLabel")} hint={t("addressHint")} autoComplete="street-address" optional defaultValue={v.address} error={e.address} />
      <CheckboxField name="contactless" label={t("contactlessLabel")} optional defaultChecked={v.contactless === "on"} />
    </>
  );
}
