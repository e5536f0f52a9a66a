import { describe, expect, it } from "vitest";
import { parseHost, type HostMatch } from "@/lib/tenancy/parse-host";

const cases: [string | null, string, HostMatch][] = [
  // apex
  ["localhost:3000", "localhost", { kind: "apex" }],
  ["localhost", "localhost", { kind: "apex" }],
  ["127.0.0.1:3000", "localhost", { kind: "apex" }],
  ["helpt.be", "helpt.be", { kind: "apex" }],
  ["HELPT.BE.", "helpt.be", { kind: "apex" }],
  ["helpt.be:443", "helpt.be:443", { kind: "apex" }],
  // towns
  ["leuven.localhost:3000", "localhost", { kind: "tenant", slug: "leuven" }],
  ["Leuven.Helpt.be", "helpt.be", { kind: "tenant", slug: "leuven" }],
  ["sint-niklaas.helpt.be", "helpt.be", { kind: "tenant", slug: "sint-niklaas" }],
  ["a1.helpt.be", "helpt.be", { kind: "tenant", slug: "a1" }],
  // reserved
  ["www.helpt.be", "helpt.be", { kind: "reserved", subdomain: "www" }],
  ["admin.localhost:3000", "localhost", { kind: "reserved", subdomain: "admin" }],
  ["api.helpt.be", "helpt.be", { kind: "reserved", subdomain: "api" }],
  ["mail.helpt.be", "helpt.be", { kind: "reserved", subdomain: "mail" }],
  // malformed
  [null, "helpt.be", { kind: "invalid" }],
  ["", "helpt.be", { kind: "invalid" }],
  ["-leuven.helpt.be", "helpt.be", { kind: "invalid" }],
  ["leuven-.helpt.be", "helpt.be", { kind: "invalid" }],
  ["x.helpt.be", "helpt.be", { kind: "invalid" }],
  ["le_uven.helpt.be", "helpt.be", { kind: "invalid" }],
  ["a.b.helpt.be", "helpt.be", { kind: "invalid" }],
  ["leuven.helpt.be:abc", "helpt.be", { kind: "invalid" }],
  ["leuven.helpt.be:1:2", "helpt.be", { kind: "invalid" }],
  ["[::1]:3000", "localhost", { kind: "invalid" }],
  ["10.0.0.1", "helpt.be", { kind: "invalid" }],
  ["<script>.helpt.be", "helpt.be", { kind: "invalid" }],
  [`${"a".repeat(41)}.helpt.be`, "helpt.be", { kind: "invalid" }],
  ["localhost", "helpt.be", { kind: "invalid" }],
  // custom domains
  ["helpt.leuven.be", "helpt.be", { kind: "custom", host: "helpt.leuven.be" }],
  ["HULP.Gent.be:443", "helpt.be", { kind: "custom", host: "hulp.gent.be" }],
  ["evilhelpt.be", "helpt.be", { kind: "custom", host: "evilhelpt.be" }],
];

describe("parseHost", () => {
  it.each(cases)("%s (root %s)", (host, root, expected) => {
    expect(parseHost(host, root)).toEqual(expected);
  });
});
