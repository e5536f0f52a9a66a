import {
  isArgumentElement, isPluralElement, isSelectElement, parse, type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** Argument names used by an ICU message, including inside plural branches. */
function argumentsOf(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((el) => [
    ..."value" in el && (isArgumentElement(el) || isPluralElement(el) || isSelectElement(el)) ? [el.value] : [],
    ...("options" in el ? Object.values(el.options).flatMap((o) => argumentsOf(o.value)) : []),
  ]);
}

/** The plural branches a message offers ("one", "other", "=0" …). */
function pluralCategories(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((el) => [
    ...(isPluralElement(el) ? Object.keys(el.options) : []),
    ...("options" in el ? Object.values(el.options).flatMap((o) => pluralCategories(o.value)) : []),
  ]);
}

function placeholders(obj: object): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of keys(obj)) {
    const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
    out[key] = [...new Set(argumentsOf(parse(value)))].sort();
  }
  return out;
}

describe("translations", () => {
  // Every site language has a file, and every file has every key of the English one.
  const files: Record<Locale, object> = { nl, fr, en, de };

  it.each(LOCALES)("have the same keys in %s as in English", (locale) => {
    expect(keys(files[locale]).sort()).toEqual(keys(en).sort());
  });

  it.each(LOCALES)("use the same placeholders in %s as in English", (locale) => {
    expect(placeholders(files[locale])).toEqual(placeholders(en));
  });

  it.each(LOCALES)("have no empty strings in %s", (locale) => {
    expect(JSON.stringify(files[locale])).not.toContain('""');
  });

  it.each(LOCALES)("use only the plural categories %s has", (locale) => {
    const allowed = new Set([...new Intl.PluralRules(locale).resolvedOptions().pluralCategories, "other"]);
    for (const key of keys(files[locale])) {
      const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], files[locale]) as string;
      for (const category of pluralCategories(parse(value))) {
        if (!category.startsWith("=")) expect(allowed, `${locale}: ${key} uses "${category}"`).toContain(category);
      }
    }
  });
});
