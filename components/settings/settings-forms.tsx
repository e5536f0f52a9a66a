"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FormErrorSummary, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { emptyForm, type FormState } from "@/lib/forms/state";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { COUNTRIES, TIME_ZONES } from "@/lib/locale/country";
import { saveSettingsAction, saveHeroAction, saveLogoAction, inviteAction, billingAction } from "@/lib/settings/actions";

type Settings = { name: string; primaryColor: string; phone: string; email: string | null; country: string; timeZone: string; locales: string[]; defaultLocale: string; mode: string; responseCap: number; retentionDays: number; emailsPerDay: number; callbackHoursCrisis: number; callbackHoursActive: number; alertBatchActive: number; alertBatchCrisis: number; alertWaitMinutes: number; dpoEmail: string | null };

export function TownSettingsForm({ settings }: { settings: Settings }) {
  const t = useTranslations("settings");
  const tl = useTranslations("legal");
  const ts = useTranslations("signup");
  const [state, run, pending] = useActionState<FormState, FormData>(saveSettingsAction, emptyForm);
  const v = (k: keyof Settings) => state.values[k] ?? String(settings[k] ?? "");
  return (
    <form action={run} noValidate className="flex max-w-3xl flex-col gap-4">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      {state.values.saved && <p role="status" className="font-semibold text-green-900">{t("saved")}</p>}
      <TextField name="name" label={t("name")} defaultValue={v("name")} error={state.errors.name} />
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="primaryColor" className="font-semibold">{t("colour")}</label>
          <input id="primaryColor" name="primaryColor" type="color" defaultValue={v("primaryColor")} className="h-11 w-20" aria-describedby={state.errors.primaryColor ? "colour-error" : undefined} />
          {state.errors.primaryColor && <p id="colour-error" className="font-semibold text-red-800">{t("lowContrast")}</p>}
        </div>
        <TextField name="phone" label={t("phone")} type="tel" defaultValue={v("phone")} error={state.errors.phone} />
        <TextField name="email" label={t("email")} type="email" optional defaultValue={v("email")} error={state.errors.email} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="country" label={t("country")} defaultValue={v("country")} error={state.errors.country} options={COUNTRIES.map((c) => ({ value: c, label: ts(`countries.${c}`) }))} />
        <SelectField name="timeZone" label={t("timeZone")} hint={t("timeZoneHint")} defaultValue={v("timeZone")} error={state.errors.timeZone} options={TIME_ZONES.map((z) => ({ value: z, label: z }))} />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="font-semibold">{t("languages")}</legend>
        <div className="flex flex-wrap gap-3">
          {LOCALES.map((l) => (
            <label key={l} lang={l} className="flex items-center gap-2 rounded border-2 border-zinc-700 bg-white px-3 py-2 has-checked:border-brand has-checked:bg-brand-tint">
              <input type="checkbox" name="locales" value={l} defaultChecked={settings.locales.includes(l)} className="h-5 w-5" /> {LOCALE_NAMES[l]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="defaultLocale" label={t("defaultLanguage")} defaultValue={v("defaultLocale")} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} error={state.errors.defaultLocale} />
        <SelectField name="mode" label={t("mode")} hint={t("modeHint")} defaultValue={v("mode")} options={["DORMANT", "ACTIVE", "CRISIS"].map((m) => ({ value: m, label: t(`modes.${m}` as "modes.ACTIVE") }))} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="responseCap" label={t("responseCap")} inputMode="numeric" defaultValue={v("responseCap")} error={state.errors.responseCap} />
        <TextField name="retentionDays" label={t("retentionDays")} inputMode="numeric" defaultValue={v("retentionDays")} error={state.errors.retentionDays} />
        <TextField name="emailsPerDay" label={t("emailsPerDay")} inputMode="numeric" defaultValue={v("emailsPerDay")} error={state.errors.emailsPerDay} />
      </div>
      <fieldset className="flex flex-col gap-2" aria-describedby="callback-hint">
        <legend className="font-semibold">{t("callbackTitle")}</legend>
        <p id="callback-hint" className="text-zinc-700">{t("callbackHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="callbackHoursCrisis" label={t("callbackHoursCrisis")} inputMode="numeric" defaultValue={v("callbackHoursCrisis")} error={state.errors.callbackHoursCrisis} />
          <TextField name="callbackHoursActive" label={t("callbackHoursActive")} inputMode="numeric" defaultValue={v("callbackHoursActive")} error={state.errors.callbackHoursActive} />
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="alertBatchActive" label={t("alertBatchActive")} inputMode="numeric" defaultValue={v("alertBatchActive")} error={state.errors.alertBatchActive} />
        <TextField name="alertBatchCrisis" label={t("alertBatchCrisis")} inputMode="numeric" defaultValue={v("alertBatchCrisis")} error={state.errors.alertBatchCrisis} />
        <TextField name="alertWaitMinutes" label={t("alertWaitMinutes")} inputMode="numeric" defaultValue={v("alertWaitMinutes")} error={state.errors.alertWaitMinutes} />
      </div>
      <TextField name="dpoEmail" label={tl("settingsDpo")} hint={tl("settingsDpoHint")} type="email" optional defaultValue={v("dpoEmail")} error={state.errors.dpoEmail} />
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
    </form>
  );
}

/** An image file input with its hint and error (the type is checked by its bytes on the server). */
function ImageFileField({ name, label, hint, error }: { name: string; label: ReactNode; hint: string; error?: string | false }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="font-semibold">{label}</label>
      <p id={`${name}-hint`} className="text-zinc-700">{hint}</p>
      <input
        id={name} name={name} type="file" accept="image/png,image/jpeg,image/webp" aria-invalid={!!error}
        aria-describedby={error ? `${name}-hint ${name}-error` : `${name}-hint`} className="text-lg"
      />
      {error && <p id={`${name}-error`} className="font-semibold text-red-800">{error}</p>}
    </div>
  );
}

/** Save, and remove when there is something to remove: one form, the intent in the button. */
function SaveOrRemove({ pending, save, remove }: { pending: boolean; save: string; remove: string | null }) {
  return (
    <div className="flex flex-wrap gap-3">
      <button type="submit" name="intent" value="save" disabled={pending} className="rounded bg-brand px-5 py-3 text-lg font-bold text-white disabled:opacity-60">{save}</button>
      {remove && <button type="submit" name="intent" value="remove" disabled={pending} className="rounded border-2 border-red-800 px-5 py-3 text-lg font-bold text-red-800">{remove}</button>}
    </div>
  );
}

/** The home page's photo: upload (checked and re-encoded on the server), its text alternative, removal. */
export function HeroForm({ hero }: { hero: { src: string; alt: string } | null }) {
  const t = useTranslations("settings");
  const tf = useTranslations("form");
  const [state, run, pending] = useActionState<FormState, FormData>(saveHeroAction, emptyForm);
  const error = state.errors.hero;
  return (
    <form action={run} noValidate className="flex max-w-3xl flex-col gap-4" data-testid="hero-form">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      {state.values.heroSaved && <p role="status" className="font-semibold text-green-900">{t(state.values.heroSaved === "removed" ? "heroRemoved" : "heroSaved")}</p>}
      {hero && (
        // eslint-disable-next-line @next/next/no-img-element -- the stored, already compressed photo
        <img src={hero.src} alt={t("heroCurrent")} width={640} height={240} className="h-auto w-full max-w-md rounded-card" />
      )}
      <ImageFileField
        name="hero" label={<>{t("heroLabel")} <span className="font-normal text-zinc-700">({tf("optional")})</span></>}
        hint={t("heroHint")} error={error && t(`heroErrors.${error}` as "heroErrors.heroType")}
      />
      <TextField name="heroAlt" label={t("heroAlt")} hint={t("heroAltHint")} optional defaultValue={state.values.heroAlt ?? hero?.alt ?? ""} error={state.errors.heroAlt} />
      <SaveOrRemove pending={pending} save={t("heroSave")} remove={hero ? t("heroRemove") : null} />
    </form>
  );
}

/** The header's logo: upload (type checked by its bytes on the server), replacement, removal. */
export function LogoForm({ logoUrl }: { logoUrl: string | null }) {
  const t = useTranslations("settings");
  const [state, run, pending] = useActionState<FormState, FormData>(saveLogoAction, emptyForm);
  const error = state.errors.logo;
  return (
    <form action={run} noValidate className="flex max-w-3xl flex-col gap-4" data-testid="logo-form">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      {state.values.logoSaved && <p role="status" className="font-semibold text-green-900">{t(state.values.logoSaved === "removed" ? "logoRemoved" : "logoSaved")}</p>}
      {logoUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- uploaded logos are served as-is
        <img src={logoUrl} alt={t("logoCurrent")} width={96} height={96} className="h-24 w-24 rounded-lg border border-zinc-300 bg-white object-contain p-2" data-testid="logo-current" />
      )}
      <ImageFileField name="logo" label={t("logoLabel")} hint={t("logoHint")} error={error && t(`logoErrors.${error}` as "logoErrors.logoType")} />
      <SaveOrRemove pending={pending} save={t("logoSave")} remove={logoUrl ? t("logoRemove") : null} />
    </form>
  );
}

export function InviteForm() {
  const t = useTranslations("settings");
  const tr = useTranslations("roles");
  const [state, run, pending] = useActionState<FormState, FormData>(inviteAction, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-wrap items-end gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <TextField name="email" id="invite-email" label={t("inviteEmail")} type="email" defaultValue={state.values.email} error={state.errors.email} />
      <SelectField name="role" id="invite-role" label={t("inviteRole")} defaultValue={state.values.role ?? "COORDINATOR"} options={(["ADMIN", "COORDINATOR", "STAFF", "ORGANISATION"] as const).map((r) => ({ value: r, label: tr(r) }))} />
      <SubmitButton pending={pending}>{t("invite")}</SubmitButton>
    </form>
  );
}

export function RemoveMemberButton({ action, label }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; label: string }) {
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run}>
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <button type="submit" disabled={pending} className="rounded border-2 border-red-800 px-2 py-1 font-semibold text-red-800">{label}</button>
    </form>
  );
}

export function BillingButtons({ hasCustomer }: { hasCustomer: boolean }) {
  const t = useTranslations("settings");
  const [state, run, pending] = useActionState<FormState, FormData>(billingAction, emptyForm);
  return (
    <form action={run} className="flex flex-wrap gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <button type="submit" name="intent" value="subscribe" disabled={pending} className="rounded bg-brand px-4 py-2 font-bold text-white">{t("subscribe")}</button>
      {hasCustomer && <button type="submit" name="intent" value="portal" disabled={pending} className="rounded border-2 border-brand px-4 py-2 font-bold text-brand">{t("portal")}</button>}
    </form>
  );
}
