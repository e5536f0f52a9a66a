import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concernDeadlineSchema } from "@/lib/concerns/schemas";

describe("a concern's deadline", () => {
  it("is a day from 2000 on (PostgreSQL has no year 0); any earlier day is refused in words, not stored", () => {
    const day = fc.date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, (deadline) => {
      const parsed = concernDeadlineSchema.safeParse({ deadline });
      expect(parsed.success).toBe(deadline >= "2000-01-01");
      if (!parsed.success) expect(parsed.error.issues.map((i) => i.message)).toEqual(["invalidDate"]);
    }), { numRuns: 300 });
  });
});
