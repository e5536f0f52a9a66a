import { describe, expect, it } from "vitest";
import { sameOrigin } from "@/lib/http/same-origin";

const post = (headers: Record<string, string>) => new Request("http://leuven.localhost:3000/staff/residents/export", { method: "POST", headers });

describe("same-origin check for route handlers", () => {
  it("accepts the town's own pages and clients that are not a browser on another page", () => {
    expect(sameOrigin(post({ host: "leuven.localhost:3000", origin: "http://leuven.localhost:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(sameOrigin(post({ host: "internal:3000", "x-forwarded-host": "helpt.leuven.be", origin: "https://helpt.leuven.be" }))).toBe(true);
    expect(sameOrigin(post({ host: "leuven.localhost:3000" }))).toBe(true);
  });

  it("refuses posts from another site, another town's subdomain included", () => {
    expect(sameOrigin(post({ host: "leuven.localhost:3000", origin: "http://gent.localhost:3000" }))).toBe(false);
    expect(sameOrigin(post({ host: "leuven.localhost:3000", "sec-fetch-site": "same-site" }))).toBe(false);
    expect(sameOrigin(post({ host: "leuven.localhost:3000", "sec-fetch-site": "cross-site", origin: "http://leuven.localhost:3000" }))).toBe(false);
    expect(sameOrigin(post({ host: "leuven.localhost:3000", origin: "null" }))).toBe(false);
  });
});
