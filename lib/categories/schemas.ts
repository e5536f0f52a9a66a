import { z } from "zod";
import { stripControl } from "@/lib/forms/text";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

export const LABEL_MAX = 60;

/** The form field that carries a category's label in one language. */
export const labelField = (locale: Locale) => `label_${locale}` as const;

const label = z.string().overwrite(stripControl).trim().max(LABEL_MAX, "tooLong").optional();

/**
 * A category's labels, one per language the town offers (`offered`, put in by
 * the action from the town, never from the form); other languages are ignored.
 */
export const categoryLabelsSchema = z
  .object({
    offered: z.array(z.enum(LOCALES, { error: "invalidChoice" })).min(1, "chooseOne"),
    label_nl: label, label_fr: label, label_en: label, label_de: label,
  })
  .transform((v, ctx) => {
    const labels: Partial<Record<Locale, string>> = {};
    for (const locale of v.offered) {
      const text = v[labelField(locale)];
      if (text) labels[locale] = text;
      else ctx.addIssue({ code: "custom", path: [labelField(locale)], message: "required" });
    }
    return { labels };
  });

export type CategoryLabels = z.output<typeof categoryLabelsSchema>["labels"];

/** One step up or down the list (buttons, so the order can be changed without dragging). */
export const moveSchema = z.object({ direction: z.enum(["up", "down"], { error: "invalidChoice" }) });

/** A stable identifier from a label: "Hond uitlaten" → "hond-uitlaten". */
export function keyFromLabel(text: string): string {
  const key = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 32).replace(/-+$/, "");
  return key || "category";
}
