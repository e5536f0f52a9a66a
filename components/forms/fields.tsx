"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** `id` defaults to `name`; set it when two forms on one page share a field name. */
/** Error keys may carry one value after a colon ("invalidAreaLine:3"), passed to the message as {value}. */
function translateError(t: ReturnType<typeof useTranslations<"form">>, group: "errors" | "formErrors", error: string) {
  const [key, ...rest] = error.split(":");
  return t(`${group}.${key}` as "errors.required", { value: rest.join(":") });
}

type Common = { name: string; id?: string; label: string; hint?: string; error?: string; optional?: boolean };

function useFieldText(p: Common) {
  const t = useTranslations("form");
  const id = p.id ?? p.name;
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errorId = p.error ? `${id}-error` : undefined;
  return {
    id,
    describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined,
    label: (
      <label htmlFor={id} className="font-semibold">
        {p.label}
        {p.optional && <span className="font-normal text-zinc-700"> ({t("optional")})</span>}
      </label>
    ),
    hint: p.hint && <p id={hintId} className="text-zinc-700">{p.hint}</p>,
    error: p.error && (
      <p id={errorId} className="font-semibold text-red-800">
        {translateError(t, "errors", p.error)}
      </p>
    ),
  };
}

const inputClass =
  "w-full rounded border-2 border-zinc-700 bg-white px-3 py-2 text-lg aria-invalid:border-red-700";

export function TextField(
  p: Common & { defaultValue?: string; type?: string; autoComplete?: string; multiline?: boolean; autoFocus?: boolean; inputMode?: "tel" | "email" | "text" | "numeric"; list?: string },
) {
  const f = useFieldText(p);
  const shared = {
    id: f.id, name: p.name, defaultValue: p.defaultValue, autoFocus: p.autoFocus,
    "aria-invalid": !!p.error, "aria-describedby": f.describedBy, required: !p.optional, className: inputClass,
  };
  return (
    <div className="flex flex-col gap-1">
      {f.label}
      {f.hint}
      {p.multiline ? (
        <textarea {...shared} rows={4} />
      ) : (
        <input {...shared} type={p.type ?? "text"} autoComplete={p.autoComplete ?? "off"} inputMode={p.inputMode} list={p.list} />
      )}
      {f.error}
    </div>
  );
}

export function SelectField(p: Common & { defaultValue?: string; options: { value: string; label: string }[]; autoFocus?: boolean }) {
  const f = useFieldText(p);
  return (
    <div className="flex flex-col gap-1">
      {f.label}
      {f.hint}
      {/* Keyed by its default: React sets a select's default only when it mounts, and resets the form to it after a refused post. */}
      <select
        key={p.defaultValue ?? ""} id={f.id} name={p.name} defaultValue={p.defaultValue} autoFocus={p.autoFocus}
        aria-invalid={!!p.error} aria-describedby={f.describedBy} className={inputClass}
      >
        {p.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {f.error}
    </div>
  );
}

export function RadioGroup(p: Common & { defaultValue?: string; options: { value: string; label: string }[] }) {
  const f = useFieldText(p);
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={f.describedBy}>
      <legend className="mb-1 font-semibold">{p.label}</legend>
      {f.hint}
      <div className="flex flex-wrap gap-2">
        {p.options.map((o) => (
          <label key={o.value} className="flex cursor-pointer items-center gap-2 rounded border-2 border-zinc-700 bg-white px-3 py-2 text-lg has-checked:border-brand has-checked:bg-zinc-100 has-checked:font-bold">
            <input type="radio" name={p.name} value={o.value} defaultChecked={p.defaultValue === o.value} className="h-5 w-5" />
            {o.label}
          </label>
        ))}
      </div>
      {f.error}
    </fieldset>
  );
}

export function CheckboxField(p: Common & { defaultChecked?: boolean; children?: ReactNode }) {
  const f = useFieldText(p);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-3">
        <input
          id={f.id} name={p.name} type="checkbox" defaultChecked={p.defaultChecked}
          aria-invalid={!!p.error} aria-describedby={f.describedBy} className="mt-1 h-6 w-6 shrink-0"
        />
        {f.label}
      </div>
      {f.hint}
      {f.error}
    </div>
  );
}

/** Announces that the form has problems; the fields say which. */
export function FormErrorSummary({ errors, formError }: { errors: Record<string, string>; formError?: string }) {
  const t = useTranslations("form");
  if (!formError && Object.keys(errors).length === 0) return null;
  return (
    <div role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
      {formError ? translateError(t, "formErrors", formError) : t("errorSummary")}
    </div>
  );
}

export function SubmitButton({ children, pending }: { children: ReactNode; pending?: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="self-start rounded bg-brand px-5 py-3 text-lg font-bold text-white disabled:opacity-60"
    >
      {children}
    </button>
  );
}
