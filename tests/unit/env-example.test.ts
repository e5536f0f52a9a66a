import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envSchema } from "@/lib/env";

// `NAME=value` or `# NAME=value`: a variable, set or shown with its default/example.
const VARIABLE = /^#?\s*([A-Z][A-Z0-9_]*)=/;

function exampleVariables(text: string): string[] {
  return text.split("\n").map((line) => line.match(VARIABLE)?.[1]).filter((name): name is string => !!name);
}

// The last section holds what only compose.yaml reads (database passwords, ACME e-mail).
const COMPOSE_ONLY = "# --- compose.yaml only";

describe(".env.example", () => {
  const [text, composeOnly = ""] = readFileSync(new URL("../../.env.example", import.meta.url), "utf8").split(COMPOSE_ONLY);

  it("lists exactly the variables lib/env.ts reads, each once", () => {
    const listed = exampleVariables(text);
    expect(new Set(listed).size, "a variable is listed twice").toBe(listed.length);
    expect([...listed].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it("keeps compose.yaml's own variables apart, and compose.yaml uses each", () => {
    const compose = readFileSync(new URL("../../compose.yaml", import.meta.url), "utf8");
    const own = exampleVariables(composeOnly);
    expect(own.length).toBeGreaterThan(0);
    for (const name of own) {
      expect(Object.keys(envSchema.shape), name).not.toContain(name);
      expect(compose, name).toContain(`\${${name}`);
    }
  });

  it("sets every variable production requires (uncommented)", () => {
    const set = text.split("\n").filter((l) => !l.startsWith("#")).map((l) => l.match(VARIABLE)?.[1]);
    for (const name of ["AUTH_SECRET", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", "ROOT_DOMAIN", "RESEND_API_KEY", "DATABASE_URL", "DATABASE_APP_URL", "HELPT_OPERATOR_NAME", "HELPT_OPERATOR_ADDRESS"]) {
      expect(set, name).toContain(name);
    }
  });

  it("the parser sees a variable in both forms and none in prose", () => {
    expect(exampleVariables("A_B=1\n# C=2\n# prose about D = 3\n#E_F=\nlower=1")).toEqual(["A_B", "C", "E_F"]);
  });
});
