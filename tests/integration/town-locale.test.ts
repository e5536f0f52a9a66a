import { describe, expect, it } from "vitest";
import { renderTemplate } from "@/lib/email/render";
import { renderResidentLetter } from "@/lib/outreach/render";
import { createRequest } from "@/lib/requests/mutations";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, requestInput } from "./helpers/factories";
import { pdfText } from "./helpers/pdf-text";

// The done-when of issue 17: a town's times on its own clock, its numbers as
// its country writes them, in e-mails and printed letters (pages: e2e
// locale.spec.ts; exports: audit-search.test.ts).

const RECEIVED = "2026-11-30T03:09:00.000Z"; // 04:09 in Brussels
const brussels = { name: "Mechelen", primaryColor: "#9b1c1c", phone: "+3215297600", country: "BE", timeZone: "Europe/Brussels" };
const amsterdam = { name: "Utrecht", primaryColor: "#9b1c1c", phone: "+31201234567", country: "NL", timeZone: "Europe/Amsterdam" };

describe("a town's clock and country in e-mails", () => {
  it("tells a Brussels town's resident when the request came in, on Brussels time, with the town's number as written there", async () => {
    const nl = await renderTemplate("request-received", "nl", brussels, { reference: "K7QM-3XDP", receivedAt: RECEIVED });
    expect(nl.text).toContain("30 november 2026 om 04:09");
    expect(nl.text).toContain("015 29 76 00");
    expect(nl.text).not.toContain("+32");
    const en = await renderTemplate("request-received", "en", brussels, { reference: "K7QM-3XDP", receivedAt: RECEIVED });
    // English in European order, never the American "November 30, 2026 at 4:09 AM".
    expect(en.text).toContain("30 November 2026 at 04:09");
  });

  it("writes a Dutch town's number nationally and a resident's Belgian number internationally", async () => {
    const mail = await renderTemplate("volunteer-assigned", "nl", amsterdam, {
      reference: "K7QM-3XDP", residentName: "Maria", residentPhone: "+3215297600", when: { kind: "WEEKDAY", weekday: "TUE", part: "MORNING" },
      weekly: true, timeWindow: "na 10 uur", need: "Boodschappen", contactless: false,
    });
    expect(mail.text).toContain("020 123 4567");
    expect(mail.text).toContain("+32 15 29 76 00");
    expect(mail.text).toContain("dinsdag, voormiddag, elke week · na 10 uur");
  });

  it("queues the confirmation with the instant the request was stored", async () => {
    const { tenant, categories } = await createTown({ country: "BE", timeZone: "Europe/Brussels", phone: "+3215297600" });
    const { id } = await createRequest(tenant, requestInput(categories[0].id, { email: "resident@example.be", contactMethod: "EMAIL" }), { source: "ONLINE", locale: "nl" });
    const row = await systemDb.helpRequest.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id } } });
    const mail = await systemDb.outboxEmail.findFirstOrThrow({ where: { tenantId: tenant.id, template: "request-received" } });
    expect(mail.data).toMatchObject({ receivedAt: row.createdAt.toISOString() });
  });
});

describe("a town's clock and country in printed letters", () => {
  it("dates the 80+ letter on the town's calendar and prints its number as written there", async () => {
    const lateEvening = new Date("2026-11-30T23:30:00Z"); // already 1 December in Brussels
    const be = pdfText(await renderResidentLetter({ ...brussels, siteUrl: "https://mechelen.helpt.be" }, "nl", lateEvening));
    expect(be).toContain("Mechelen, 1 december 2026");
    expect(be).toContain("015 29 76 00");
    const nl = pdfText(await renderResidentLetter({ ...amsterdam, siteUrl: "https://utrecht.helpt.be" }, "nl", lateEvening));
    expect(nl).toContain("020 123 4567");
    expect(nl).not.toContain("+31");
    const en = pdfText(await renderResidentLetter({ ...brussels, siteUrl: "https://mechelen.helpt.be" }, "en", lateEvening));
    expect(en).toContain("Mechelen, 1 December 2026");
  });
});
