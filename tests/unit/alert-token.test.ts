import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newToken, tokenId, tokenSigned, TOKEN_LENGTH } from "@/lib/alerts/token";

const id = fc.stringMatching(/^[a-z0-9]{1,30}$/);
const scope = fc.record({ tenantId: id, requestId: id, volunteerId: id });

describe("alert link tokens", () => {
  it("are 22 URL-safe characters, name their row, and pass only for the exact town, request and volunteer they were signed for", () => {
    fc.assert(
      fc.property(scope, scope, (signed, other) => {
        const { id: rowId, token } = newToken(signed);
        expect(token).toHaveLength(TOKEN_LENGTH);
        expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(tokenId(token)).toBe(rowId);
        expect(tokenSigned(token, signed)).toBe(true);
        for (const key of ["tenantId", "requestId", "volunteerId"] as const) {
          if (other[key] !== signed[key]) expect(tokenSigned(token, { ...signed, [key]: other[key] })).toBe(false);
        }
      }),
    );
  });

  it("refuses every other string (shapes, lengths, one character changed)", () => {
    const signed = { tenantId: "t", requestId: "r", volunteerId: "v" };
    const { token } = newToken(signed);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.tuple(fc.nat(TOKEN_LENGTH - 1), fc.constantFrom(..."AaBb09-_")).map(([i, c]) => token.slice(0, i) + c + token.slice(i + 1))), (forged) => {
        fc.pre(forged !== token);
        expect(tokenSigned(forged, signed)).toBe(false);
      }),
    );
  });
});
