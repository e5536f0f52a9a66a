import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/forms/state";
import { isReference, newReference } from "@/lib/requests/reference";
import { onlineRequestSchema, phoneRequestSchema, queueFilterSchema } from "@/lib/requests/schemas";

const valid = {
  categoryId: "cat_1", description: "Groceries for this week please", timeWindow: "Tuesday morning",
  postcode: "3000", name: "Maria", phone: "0470 12 34 56", contactMethod: "PHONE", consent: "on",
};

const errorsOf = (input: Record<string, unknown>) => {
  const r = onlineRequestSchema.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
};

describe("help request validation", () => {
  it("reports a wrong phone number together with every other mistake, read by the town's country", () => {
    // Too short for any country, or national numbers of one country read in another.
    const wrong = fc.oneof(fc.stringMatching(/^0[1-9]( ?[0-9]){2,5}$/), fc.constantFrom("0470 12 34 56", "06 12 34 56 78"));
    fc.assert(fc.property(wrong, fc.constantFrom("BE", "NL", "FR"), fc.subarray(["consent", "description", "postcode"]), (phone, country, missing) => {
      const input: Record<string, unknown> = { ...valid, phone, country };
      for (const field of missing) delete input[field];
      const validThere = onlineRequestSchema.safeParse({ ...valid, phone, country }).success;
      const errors = errorsOf(input);
      expect(Boolean(errors.phone), `${phone} in ${country}`).toBe(!validThere);
      for (const field of missing) expect(errors[field], field).toBeTruthy();
    }), { numRuns: 200 });
  });

  it("accepts a complete request and normalises it", () => {
    const r = onlineRequestSchema.parse({ ...valid, email: " Maria@Example.BE ", neighbourhood: "  ", contactless: "on" });
    expect(r.phone).toBe("+32470123456");
    expect(r.email).toBe("maria@example.be");
    expect(r.neighbourhood).toBeUndefined();
    expect(r.contactless).toBe(true);
  });

  it("names each problem with a translation key", () => {
    expect(errorsOf({})).toMatchObject({
      categoryId: "required", description: "required", postcode: "required",
      name: "required", contactMethod: "invalidChoice", consent: "consentRequired",
    });
    expect(errorsOf({ ...valid, description: "help" })).toEqual({ description: "tooShort" });
    expect(errorsOf({ ...valid, phone: "12345" })).toEqual({ phone: "invalidPhone" });
    expect(errorsOf({ ...valid, postcode: "<b>" })).toEqual({ postcode: "invalidPostcode" });
    expect(errorsOf({ ...valid, email: "not-an-address" })).toEqual({ email: "invalidEmail" });
    expect(errorsOf({ ...valid, consent: "off" })).toEqual({ consent: "consentRequired" });
  });

  it("requires the contact detail that matches the chosen contact method", () => {
    expect(errorsOf({ ...valid, phone: "" })).toEqual({ phone: "phoneRequired" });
    expect(errorsOf({ ...valid, contactMethod: "EMAIL" })).toEqual({ email: "emailRequired" });
    expect(errorsOf({ ...valid, contactMethod: "WHATSAPP", phone: "" })).toEqual({ phone: "phoneRequired" });
  });

  it("rejects oversized input instead of storing it", () => {
    expect(errorsOf({ ...valid, description: "x".repeat(1_000_000) })).toEqual({ description: "tooLong" });
    expect(errorsOf({ ...valid, name: "y".repeat(101) })).toEqual({ name: "tooLong" });
  });

  it("strips control characters but keeps line breaks", () => {
    const r = onlineRequestSchema.parse({ ...valid, description: "Milk\u0000 and bread\nplease\u0007" });
    expect(r.description).toBe("Milk and bread\nplease");
  });

  it("rejects wrong types without throwing", () => {
    for (const bad of [{ ...valid, categoryId: 42 }, { ...valid, description: ["a"] }, { ...valid, contactMethod: "PIGEON" }, null, "text"]) {
      expect(onlineRequestSchema.safeParse(bad).success).toBe(false);
    }
  });

  it("records consent by phone for staff intake", () => {
    expect(phoneRequestSchema.safeParse({ ...valid, consent: undefined }).success).toBe(false);
    const r = phoneRequestSchema.parse({ ...valid, consent: undefined, consentByPhone: "on", urgency: "HIGH" });
    expect(r).toMatchObject({ urgency: "HIGH", ageGroup: "UNKNOWN", recurrence: "NONE" });
  });

  it("ignores unknown queue filters", () => {
    expect(queueFilterSchema.parse({ status: "OPEN", urgency: "EXTREME", x: "y" })).toEqual({ status: "OPEN" });
  });
});

describe("request references", () => {
  it("recognises what newReference makes, in any case, and nothing else", () => {
    const reference = newReference();
    expect(isReference(reference)).toBe(true);
    expect(isReference(reference.toLowerCase())).toBe(true);
    for (const bad of ["K7QM3XDP", "K7QM-3XD0", "K7QM-3XDP ", "a\u0000b", "", 42, undefined]) expect(isReference(bad)).toBe(false);
  });
});
