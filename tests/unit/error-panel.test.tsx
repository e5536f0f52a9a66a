import { createTranslator } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorPanel } from "@/components/errors/error-panel";
import { ErrorTextsProvider } from "@/components/errors/error-texts";
import { errorTexts } from "@/lib/i18n/error-texts";
import { formatLocale } from "@/lib/i18n/locales";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";

const MESSAGES = { nl, fr, en, de };

function render(locale: keyof typeof MESSAGES, town?: { name: string; phone: { text: string; href: string } }) {
  const t = createTranslator({ locale: formatLocale(locale), messages: MESSAGES[locale], namespace: "errorPage" });
  return renderToStaticMarkup(
    <ErrorTextsProvider value={errorTexts(t, town)}>
      <ErrorPanel digest="1234567890" reset={() => {}} />
    </ErrorTextsProvider>,
  );
}

describe("the error boundary's message", () => {
  it.each(["nl", "fr", "en", "de"] as const)("is in %s, with retry, home and the reference", (locale) => {
    const html = render(locale);
    const t = MESSAGES[locale].errorPage;
    for (const text of [t.title, t.retry, t.home, t.reference.replace("{digest}", "1234567890")]) expect(html).toContain(text.replace(/'/g, "&#x27;"));
    expect(html).not.toContain("tel:");
  });

  it.each(["nl", "fr", "en", "de"] as const)("on a town's site names the town and its phone number (%s)", (locale) => {
    const html = render(locale, { name: "Leuven", phone: { text: "016 27 22 22", href: "tel:+3216272222" } });
    expect(html).toContain('href="tel:+3216272222"');
    expect(html).toContain(MESSAGES[locale].errorPage.callTown.replace("{town}", "Leuven").replace("{phone}", "016 27 22 22").replace(/'/g, "&#x27;"));
  });
});
