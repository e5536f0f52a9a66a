import type messages from "./messages/en.json";
import type { FormatLocale } from "./lib/i18n/locales";

// Type-checked translation keys: a key missing from en.json fails the build.
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof messages;
    // The formatting tag ("en-GB"); lib/i18n/current.ts gives the language.
    Locale: FormatLocale;
  }
}
