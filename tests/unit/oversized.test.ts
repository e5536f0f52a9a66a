import { describe, expect, it } from "vitest";
import { isOversizedFormPost, MAX_FORM_POST_BYTES } from "@/lib/abuse/oversized";

const h = (length?: number) => new Headers(length === undefined ? {} : { "content-length": String(length) });

describe("form posts over Next.js's body limit", () => {
  it.each([
    ["at the limit", "POST", "/request", MAX_FORM_POST_BYTES, false],
    ["one byte over", "POST", "/request", MAX_FORM_POST_BYTES + 1, true],
    ["no length", "POST", "/request", undefined, false],
    ["a webhook", "POST", "/api/stripe/webhook", MAX_FORM_POST_BYTES * 2, false],
    ["a page view", "GET", "/request", MAX_FORM_POST_BYTES * 2, false],
  ])("%s", (_name, method, path, length, refused) => {
    expect(isOversizedFormPost(method, path, h(length))).toBe(refused);
  });
});
