import { describe, expect, it } from "vitest";
import { isCrossSiteFormPost } from "@/lib/abuse/same-origin";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("form posts accepted only from their own site", () => {
  it.each([
    ["same town", "POST", "/request", { host: "leuven.localhost:3000", origin: "http://leuven.localhost:3000" }, false],
    ["host case differs", "POST", "/request", { host: "Leuven.localhost:3000", origin: "http://leuven.localhost:3000" }, false],
    ["custom domain", "POST", "/request", { host: "helpt.leuven.be", origin: "https://helpt.leuven.be" }, false],
    ["another town", "POST", "/request", { host: "leuven.localhost:3000", origin: "http://gent.localhost:3000" }, true],
    ["the apex posting to a town", "POST", "/staff", { host: "leuven.localhost:3000", origin: "http://localhost:3000" }, true],
    ["another port", "POST", "/request", { host: "leuven.localhost:3000", origin: "http://leuven.localhost:4000" }, true],
    ["a third party", "POST", "/request", { host: "leuven.localhost:3000", origin: "https://evil.example" }, true],
    ["no origin", "POST", "/request", { host: "leuven.localhost:3000" }, true],
    ["opaque origin", "POST", "/request", { host: "leuven.localhost:3000", origin: "null" }, true],
    ["a webhook", "POST", "/api/stripe/webhook", { host: "localhost:3000" }, false],
    ["a page view", "GET", "/request", { host: "leuven.localhost:3000", origin: "https://evil.example" }, false],
  ])("%s", (_name, method, path, headers, refused) => {
    expect(isCrossSiteFormPost(method, path, h(headers))).toBe(refused);
  });
});
