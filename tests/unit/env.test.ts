import { afterEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { configurationProblems, env, isProduction, parseEnv } from "@/lib/env";

const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/helpt", AUTH_SECRET: "x".repeat(32) };

describe("parseEnv", () => {
  it("accepts a minimal configuration and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env.ROOT_DOMAIN).toBe("localhost");
    expect(env.RESEND_API_KEY).toBeUndefined();
  });

  it("names each missing or malformed variable", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL[\s\S]*AUTH_SECRET/);
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgresql/);
    expect(() => parseEnv({ ...valid, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    expect(() => parseEnv({ ...valid, RESEND_API_KEY: "nope" })).toThrow(/RESEND_API_KEY/);
    expect(() => parseEnv({ ...valid, ROOT_DOMAIN: "https://helpt.be" })).toThrow(/ROOT_DOMAIN/);
    expect(() => parseEnv({ ...valid, DATABASE_SYSTEM_URL: "helpt_system@db" })).toThrow(/DATABASE_SYSTEM_URL: must be a postgresql:\/\/ URL \(the system login/);
  });

  it("takes Twilio's account only with its token and a sender", () => {
    const sid = `AC${"ab".repeat(16)}`;
    expect(configurationProblems({ ...valid, TWILIO_ACCOUNT_SID: sid })).toEqual(["TWILIO_ACCOUNT_SID needs TWILIO_AUTH_TOKEN and TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID"]);
    expect(configurationProblems({ ...valid, TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: "t".repeat(32), TWILIO_FROM: "+32460000000" })).toEqual([]);
    expect(configurationProblems({ ...valid, TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: "t".repeat(32), TWILIO_MESSAGING_SERVICE_SID: `MG${"cd".repeat(16)}` })).toEqual([]);
    expect(configurationProblems({ ...valid, TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: "t".repeat(32), TWILIO_FROM: "not a sender!" })[0]).toMatch(/^TWILIO_FROM: /);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ ...valid, RESEND_API_KEY: "" }).RESEND_API_KEY).toBeUndefined();
  });
});

describe("production configuration", () => {
  const production = {
    ...valid, NODE_ENV: "production", ROOT_DOMAIN: "helpt.be", RESEND_API_KEY: "re_live",
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    HELPT_OPERATOR_NAME: "Helpt Platform BV", HELPT_OPERATOR_ADDRESS: "Grote Markt 1, 3000 Leuven, België",
  };
  const REQUIRED = {
    AUTH_SECRET: ["AUTH_SECRET"],
    ROOT_DOMAIN: ["ROOT_DOMAIN"],
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: ["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"],
    "RESEND_API_KEY or SMTP_URL": ["RESEND_API_KEY", "SMTP_URL"],
    HELPT_OPERATOR_NAME: ["HELPT_OPERATOR_NAME"],
    HELPT_OPERATOR_ADDRESS: ["HELPT_OPERATOR_ADDRESS"],
  } as const;

  it("starts with everything set, and takes SMTP_URL instead of RESEND_API_KEY", () => {
    expect(configurationProblems(production)).toEqual([]);
    expect(configurationProblems({ ...production, RESEND_API_KEY: undefined, SMTP_URL: "smtp://relay.gemeente.be:587" })).toEqual([]);
  });

  it("names exactly the missing variables, one line each, whichever are missing", () => {
    fc.assert(
      fc.property(fc.subarray(Object.keys(REQUIRED) as (keyof typeof REQUIRED)[]), fc.constantFrom(undefined, ""), (missing, blank) => {
        const source: Record<string, string | undefined> = { ...production };
        for (const name of missing) for (const variable of REQUIRED[name]) source[variable] = blank;
        const problems = configurationProblems(source);
        expect(problems.map((p) => p.split(" is required in production")[0]).sort()).toEqual([...missing].sort());
        expect(problems.every((p) => !p.includes("\n"))).toBe(true);
      }),
    );
  });

  it("is production only with NODE_ENV=production and without the demo flag", () => {
    expect(isProduction({ NODE_ENV: "production" })).toBe(true);
    expect(isProduction({ NODE_ENV: "production", HELPT_DEMO: "1" })).toBe(false);
    expect(isProduction({ NODE_ENV: "development" })).toBe(false);
    expect(isProduction({ NODE_ENV: "test" })).toBe(false);
    // The demo needs none of it (the launcher generates AUTH_SECRET; mail stays in the development mailbox).
    expect(configurationProblems({ ...valid, NODE_ENV: "production", HELPT_DEMO: "1" })).toEqual([]);
    // Any other value of the flag is no demo: production's requirements apply, and the flag is named.
    const mistyped = configurationProblems({ ...valid, NODE_ENV: "production", HELPT_DEMO: "yes" });
    expect(mistyped).toContainEqual(expect.stringMatching(/^HELPT_DEMO:/));
    expect(mistyped).toContainEqual(expect.stringMatching(/^ROOT_DOMAIN is required in production/));
  });

  it("names the configured operator, and outside production a default that says it is a placeholder", () => {
    expect(parseEnv(production)).toMatchObject({ HELPT_OPERATOR_NAME: "Helpt Platform BV", HELPT_OPERATOR_ADDRESS: "Grote Markt 1, 3000 Leuven, België" });
    const development = parseEnv(valid);
    expect(development.HELPT_OPERATOR_NAME).toContain("set HELPT_OPERATOR_NAME");
    expect(development.HELPT_OPERATOR_ADDRESS).toContain("set HELPT_OPERATOR_ADDRESS");
    expect(configurationProblems({ ...production, HELPT_OPERATOR_NAME: " " })[0]).toMatch(/^HELPT_OPERATOR_NAME: must be the operator's legal name/);
  });

  it("refuses a server-actions key that is not base64 of 16, 24 or 32 bytes", () => {
    for (const key of ["short", Buffer.alloc(20).toString("base64"), "not base64 at all, but long enough to be 32 characters"]) {
      expect(configurationProblems({ ...production, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key })[0]).toMatch(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be base64/);
    }
    for (const bytes of [16, 24, 32]) {
      expect(configurationProblems({ ...production, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(bytes, 1).toString("base64") })).toEqual([]);
    }
  });
});

describe("env(): parsed once, parsed again when a variable changes", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("answers every change of the environment, and keeps the parse while nothing changes (generated)", () => {
    const values = { EMAIL_FROM: ["Helpt <a@a.example>", "b@b.example"], TRUSTED_PROXIES: ["", "127.0.0.1", "10.0.0.0/8"], ROOT_DOMAIN: ["helpt.be", "localhost"], AUTH_SECRET: ["y".repeat(40), "z".repeat(33)] };
    const change = fc.constantFrom(...Object.entries(values)).chain(([name, options]) => fc.constantFrom(...options).map((value) => ({ name, value })));
    fc.assert(fc.property(fc.array(change, { minLength: 1, maxLength: 8 }), (changes) => {
      vi.unstubAllEnvs();
      for (const [name, value] of Object.entries(valid)) vi.stubEnv(name, value);
      for (const { name, value } of changes) {
        vi.stubEnv(name, value);
        const now = env();
        expect(now).toEqual(parseEnv(process.env));
        expect(env()).toBe(now); // unchanged: the same parse, not a new one
      }
    }));
  });

  it("refuses a broken environment on every call, not only the first", () => {
    for (const [name, value] of Object.entries(valid)) vi.stubEnv(name, value);
    expect(env().AUTH_SECRET).toBe(valid.AUTH_SECRET);
    vi.stubEnv("AUTH_SECRET", "short");
    expect(() => env()).toThrow(/AUTH_SECRET/);
    expect(() => env()).toThrow(/AUTH_SECRET/);
  });
});
