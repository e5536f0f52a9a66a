import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

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

  it("treats empty strings as unset", () => {
    expect(parseEnv({ ...valid, RESEND_API_KEY: "" }).RESEND_API_KEY).toBeUndefined();
  });
});
