import {
  isArgumentElement, isPluralElement, isSelectElement, parse, type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
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

function placeholders(obj: object): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of keys(obj)) {
    const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
    out[key] = [...new Set(argumentsOf(parse(value)))].sort();
  }
  return out;
}

describe("translations", () => {
  it("have the same keys in Dutch, French and English", () => {
    const reference = keys(en).sort();
    expect(keys(nl).sort()).toEqual(reference);
    expect(keys(fr).sort()).toEqual(reference);
  });

  it("use the same placeholders in every language", () => {
    const reference = placeholders(en);
    expect(placeholders(nl)).toEqual(reference);
    expect(placeholders(fr)).toEqual(reference);
  });

  it("have no empty strings", () => {
    for (const messages of [en, nl, fr]) expect(JSON.stringify(messages)).not.toContain('""');
  });
});
