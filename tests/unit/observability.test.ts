import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LATEST_MIGRATION } from "@/lib/observability/readiness";
import { routeGroup, siteKind } from "@/lib/observability/route-group";
import { tagRequest } from "@/lib/log/request-id";

describe("readiness knows the newest migration", () => {
  it("equals the newest folder in prisma/migrations (update LATEST_MIGRATION with each migration)", () => {
    const newest = readdirSync("prisma/migrations").filter((f) => /^\d{14}_/.test(f)).sort().at(-1);
    expect(LATEST_MIGRATION).toBe(newest);
  });
});

describe("route groups for the latency metric", () => {
  it.each([
    ["/", "home"], ["/api/health", "probe"], ["/api/ready", "probe"], ["/api/auth/callback/email?token=x", "auth"],
    ["/api/email/webhook", "webhook"], ["/api/stripe/webhook", "webhook"], ["/staff/requests/abc", "staff"],
    ["/admin/towns", "admin"], ["/request", "request"], ["/requests/123", "requests"], ["/over", "pages"], ["/api/other", "api"],
  ])("%s → %s", (path, group) => expect(routeGroup(path)).toBe(group));

  it("stays within a small fixed set whatever the path (bounded label cardinality)", () => {
    const seen = new Set<string>();
    fc.assert(fc.property(fc.webPath(), (path) => void seen.add(routeGroup(path))));
    expect(seen.size).toBeLessThanOrEqual(20);
  });

  it("tells the apex from a town", () => {
    expect(siteKind("helpt.be", "helpt.be")).toBe("apex");
    expect(siteKind("leuven.helpt.be", "helpt.be")).toBe("town");
    expect(siteKind("admin.helpt.be", "helpt.be")).toBe("other");
  });
});

describe("request ids", () => {
  it("keeps a well-formed id from the proxy in front and replaces anything else", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (given) => {
        const forwarded = new Headers();
        const id = tagRequest(new Headers(/^[\x20-\x7e]*$/.test(given) ? { "x-request-id": given } : {}), "/staff", forwarded);
        expect(id).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
        expect(forwarded.get("x-request-id")).toBe(id);
        expect(forwarded.get("x-helpt-route")).toBe("/staff");
      }),
    );
    expect(tagRequest(new Headers({ "x-request-id": "caddy-1234abcd" }), "/", new Headers())).toBe("caddy-1234abcd");
  });
});
