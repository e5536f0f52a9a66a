"use client";

import { useLocale, useTranslations } from "next-intl";
import { CheckboxField, RadioGroup, SelectField, TextField } from "@/components/forms/fields";
import { WHEN_KINDS, weekdayName } from "@/lib/when/when";
import { DAYS, PARTS } from "@/lib/when/slots";

/**
 * When help is wanted: as soon as possible, a date or a weekday, and a part of
 * the day; the resident's own words stay as an optional note. Without
 * JavaScript every field shows; the chosen kind decides which one counts.
 */
export function WhenFields({ values, errors, weekly = false, note = true }: { values: Record<string, string>; errors: Record<string, string>; weekly?: boolean; note?: boolean }) {
  const t = useTranslations("when");
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-3">
      <RadioGroup name="whenKind" label={t("legend")} options={WHEN_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} defaultValue={values.whenKind ?? "ASAP"} error={errors.whenKind} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="whenDate" label={t("dateLabel")} type="date" optional defaultValue={values.whenDate} error={errors.whenDate} />
        <SelectField name="whenWeekday" label={t("weekdayLabel")} defaultValue={values.whenWeekday ?? ""} error={errors.whenWeekday}
          options={[{ value: "", label: "—" }, ...DAYS.map((d) => ({ value: d, label: weekdayName(d, locale) }))]} />
        <SelectField name="whenPart" label={t("partLabel")} defaultValue={values.whenPart ?? ""} error={errors.whenPart}
          options={[{ value: "", label: t("partAny") }, ...PARTS.map((p) => ({ value: p, label: t(`part.${p}`) }))]} />
      </div>
      {weekly && <CheckboxField name="recurrence" label={t("weeklyLabel")} optional defaultChecked={values.recurrence === "on"} />}
      {note && <TextField name="timeWindow" label={t("noteLabel")} hint={t("noteHint")} optional defaultValue={values.timeWindow} error={errors.timeWindow} />}
    </div>
  );
}
