import { describe, expect, it } from "vitest";
import type { OutreachLocale, OutreachTown } from "@/lib/outreach/props";
import { renderPoster, renderResidentLetter } from "@/lib/outreach/render";
import { TEAR_OFF_TABS } from "@/lib/outreach/poster";
import { INK, palette } from "@/lib/outreach/shared";
import { pdfPageCount, pdfText } from "./helpers/pdf-text";

const LOCALES: OutreachLocale[] = ["nl", "fr", "en", "de"];

const leuven: OutreachTown = {
  name: "Leuven", primaryColor: "#9b1c1c", phone: "016 27 22 22",
  siteUrl: "http://leuven.localhost:3000", email: "helpt@leuven.example", country: "BE", timeZone: "Europe/Brussels",
};

// Long name, long number, light brand colour, no e-mail: the layout must still fit one page.
const longTown: OutreachTown = {
  name: "Sint-Pieters-Leeuw", primaryColor: "#facc15", phone: "+32 2 371 22 11",
  // A Belgian number on a Dutch town's poster: written internationally, the longest form.
  siteUrl: "https://sint-pieters-leeuw.helpt.be/", email: null, country: "NL", timeZone: "Europe/Amsterdam",
};

const documents = { letter: renderResidentLetter, poster: renderPoster };

describe.each(LOCALES)("outreach kit (%s)", (locale) => {
  it.each(Object.entries(documents))("renders a one-page %s with the town's phone, address and QR code", async (_, render) => {
    const pdf = await render(leuven, locale);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfPageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain("016 27 22 22");
    expect(text).toContain("http://leuven.localhost:3000");
    expect(text).toContain("Leuven Helpt");
    // The QR code is embedded as an image XObject.
    expect(pdf.toString("latin1")).toMatch(/\/Subtype \/Image/);
  });

  it("prints the poster's phone number large once and on every tear-off strip", async () => {
    const text = pdfText(await renderPoster(leuven, locale));
    expect(text.split("016 27 22 22").length - 1).toBe(1 + TEAR_OFF_TABS);
  });

  it("puts the contact e-mail in the letter only when the town has one", async () => {
    expect(pdfText(await renderResidentLetter(leuven, locale))).toContain("helpt@leuven.example");
    expect(pdfText(await renderResidentLetter({ ...leuven, email: null }, locale))).not.toContain("@");
  });

  it.each(Object.entries(documents))("fits a long town name and number on one %s", async (_, render) => {
    const pdf = await render(longTown, locale);
    expect(pdfPageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain("+32 2 371 22 11");
    expect(text).toContain("Sint-Pieters-Leeuw Helpt");
    // https is what browsers assume, so the printed address leaves it out.
    expect(text).toContain("sint-pieters-leeuw.helpt.be");
    expect(text).not.toContain("https://");
  });
});

describe("outreach palette", () => {
  it("keeps white text on a dark brand colour and switches to ink on a light one", () => {
    expect(palette("#9b1c1c")).toMatchObject({ band: "#9b1c1c", onBand: "#ffffff", accent: "#9b1c1c" });
    expect(palette("#facc15")).toMatchObject({ band: "#facc15", onBand: INK, accent: INK });
  });
});
