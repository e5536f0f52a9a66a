import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/** The language switcher's choice. */
export const localeChoiceSchema = z.object({ locale: z.enum(LOCALES) });
