import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHost } from "@/lib/tenancy/parse-host";
import { originOfMatch } from "@/lib/tenancy/urls";

// Issue 12, items 0 and 3: one site however its host is typed, and one
// canonical origin for it whatever the spelling.

const spelling = (name: string) =>
  fc.record({
    cases: fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }),
    dot: fc.boolean(),
    port: fc.constantFrom("", ":3000", ":80", ":443", ":8080"),
  }).map(({ cases, dot, port }) => `${[...name].map((c, i) => (cases[i] ? c.toUpperCase() : c)).join("")}${dot ? "." : ""}${port}`);

describe("host spellings", () => {
  it.each([
    ["leuven.helpt.be", "helpt.be", { kind: "tenant", slug: "leuven" }],
    ["helpt.be", "helpt.be", { kind: "apex" }],
    ["helpt.leuven.be", "helpt.be", { kind: "custom", host: "helpt.leuven.be" }],
    ["leuven.localhost", "localhost", { kind: "tenant", slug: "leuven" }],
  ] as const)("every spelling of %s names the same site", (name, root, site) => {
    fc.assert(
      fc.property(spelling(name), (host) => {
        expect(parseHost(host, root)).toEqual(site);
      }),
      { numRuns: 200 },
    );
  });

  it("give one canonical origin, from configuration", () => {
    const previous = { root: process.env.ROOT_DOMAIN, port: process.env.PORT };
    try {
      process.env.ROOT_DOMAIN = "helpt.be";
      expect(originOfMatch(parseHost("LEUVEN.helpt.be.:8443", "helpt.be"))).toBe("https://leuven.helpt.be");
      expect(originOfMatch(parseHost("Helpt.Leuven.Be.", "helpt.be"))).toBe("https://helpt.leuven.be");
      expect(originOfMatch(parseHost("www.helpt.be", "helpt.be"))).toBe("https://helpt.be");
      expect(originOfMatch(parseHost("admin.helpt.be", "helpt.be"))).toBeNull();
      process.env.ROOT_DOMAIN = "localhost";
      process.env.PORT = "3130";
      expect(originOfMatch(parseHost("leuven.localhost", "localhost"))).toBe("http://leuven.localhost:3130");
    } finally {
      for (const [key, value] of [["ROOT_DOMAIN", previous.root], ["PORT", previous.port]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
