import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/errors";

describe("a database that is briefly away", () => {
  it.each([
    ["refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["admin shutdown, wrapped", new Error("query failed", { cause: { code: "57P01", message: "terminating connection due to administrator command" } })],
    ["starting up", new Error("the database system is starting up")],
    ["a pooled client broken by the restart", new Error("Client has encountered a connection error and is not queryable")],
    ["pool timeout", Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" })],
    ["adapter kind", Object.assign(new Error("x"), { cause: { kind: "DatabaseNotReachable" } })],
  ])("is recognised: %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["nothing", undefined],
  ])("is not confused with %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
