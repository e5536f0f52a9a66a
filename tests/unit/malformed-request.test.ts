import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { malformedFormPost, malformedHeaders, normaliseHost, type LargePostAllowance } from "@/lib/abuse/malformed-request";
import { withoutForwarded } from "@/lib/http/forwarded";
import { MAX_FORM_POST_BYTES, MAX_IMPORT_POST_BYTES } from "@/lib/abuse/oversized";
import { hostileActionArguments, hostileBody, hostileForwarded, hostileHost, hostileRouterState } from "@/tests/hostile/values";

// The proxy's guard against requests Next.js would answer with a 500, on
// generated request shapes (the e2e hostile-input spec sends the same classes
// to the running app).

const SEED = 4_2026;
const ACTION = "7f00aa";
const stream = (body: Uint8Array, chunk = 64 * 1024) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < body.length; at += chunk) controller.enqueue(body.subarray(at, at + chunk));
      controller.close();
    },
  });
const post = (contentType: string, body: Uint8Array | string, extra: Record<string, string> = {}, allowance?: LargePostAllowance) =>
  malformedFormPost(new Headers({ host: "leuven.localhost", "content-type": contentType, ...extra }), stream(typeof body === "string" ? Buffer.from(body) : body), allowance);
/** A fetch action body as React's client encodes it. */
const encoded = async (args: string) => {
  const form = new FormData();
  form.append("0", args);
  form.append("_1_email", "a@b.c");
  const request = new Request("http://x/", { method: "POST", body: form });
  return { contentType: request.headers.get("content-type")!, body: new Uint8Array(await request.arrayBuffer()) };
};

/** Every string value (not key) in parsed JSON. */
const strings = (v: unknown): string[] =>
  typeof v === "string" ? [v] : v && typeof v === "object" ? Object.values(v).flatMap(strings) : [];

describe("hosts", () => {
  it("normalises any case and trailing dot of a valid host, and refuses ports out of range", () => {
    fc.assert(fc.property(hostileHost("leuven.localhost", 3000), (raw) => {
      const host = normaliseHost(raw);
      if (host === null) return;
      expect(host).toBe(host.toLowerCase());
      expect(host).not.toMatch(/\.(:|$)/);
      const port = /:(\d+)$/.exec(host)?.[1];
      if (port) expect(Number(port)).toBeGreaterThanOrEqual(1), expect(Number(port)).toBeLessThanOrEqual(65_535);
      expect(normaliseHost(host)).toBe(host);
    }), { seed: SEED, numRuns: 500 });
    for (const raw of ["LEUVEN.localhost:3000", "leuven.localhost.:3000", "Leuven.Localhost.:3000"]) expect(normaliseHost(raw)).toBe("leuven.localhost:3000");
    for (const raw of ["leuven.localhost:65536", "leuven.localhost:0", "leuven.localhost:99999", "leuven..localhost", "a, b", "lëuven.localhost", "", " "]) {
      expect(normaliseHost(raw), raw).toBeNull();
    }
  });

  it("refuses hand-made router state, whatever forwarded headers came along (the proxy drops those first)", () => {
    const real = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}, null, null] }, null, null, true]));
    fc.assert(fc.property(hostileForwarded("leuven.localhost:3000"), hostileRouterState, (forwarded, tree) => {
      const headers = withoutForwarded(new Headers({ host: "leuven.localhost:3000", ...forwarded, "next-router-state-tree": tree }));
      const refusal = malformedHeaders(headers);
      expect(refusal === null || refusal.status === 400).toBe(true);
      headers.set("next-router-state-tree", real);
      expect(malformedHeaders(headers)).toBeNull();
    }), { seed: SEED, numRuns: 500 });
    expect(malformedHeaders(new Headers({ host: "leuven.localhost:3000", "next-router-state-tree": "%5B" }))?.status).toBe(400);
  });
});

describe("bodies of posts to pages", () => {
  it("never throws, and refuses chunked bodies over the limit without reading them whole", async () => {
    await fc.assert(fc.asyncProperty(hostileBody(ACTION), fc.boolean(), async (shape, action) => {
      const refusal = await post(shape.contentType, shape.body, action ? { "next-action": ACTION } : {});
      if (shape.body.length > MAX_FORM_POST_BYTES) expect(refusal).toEqual({ status: 413, reason: "tooLarge" });
      else expect(refusal === null || refusal.status === 400).toBe(true);
    }), { seed: SEED, numRuns: 150 });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({ pull(c) { pulled++; c.enqueue(new Uint8Array(64 * 1024)); } });
    expect(await malformedFormPost(new Headers({ "content-type": "multipart/form-data; boundary=x" }), endless)).toEqual({ status: 413, reason: "tooLarge" });
    expect(pulled).toBeLessThan(40);
  });

  it("lets through what the app's own forms and clients send", async () => {
    for (const args of ['["$K1"]', '[{"email":""},"$K1"]', '["iso-req-1",{"values":{},"errors":{}},"$K1"]', '["$$dollar","$undefined","$K1"]']) {
      const { contentType, body } = await encoded(args);
      expect(await post(contentType, body, { "next-action": ACTION }), args).toBeNull();
      expect(await post("text/plain;charset=UTF-8", args, { "next-action": ACTION }), args).toBeNull();
    }
    const form = new FormData();
    for (const [k, v] of [["$ACTION_REF_1", ""], ["$ACTION_1:0", `{"id":"${ACTION}","bound":"$@1"}`], ["$ACTION_1:1", '["iso-req-1",{"values":{},"errors":{}}]'], ["$ACTION_KEY", "k0"], ["body", "hi"]]) form.append(k, v);
    const noJs = new Request("http://x/", { method: "POST", body: form });
    expect(await post(noJs.headers.get("content-type")!, new Uint8Array(await noJs.arrayBuffer()))).toBeNull();
    expect(await post(`multipart/form-data; boundary=x`, `--x\r\nContent-Disposition: form-data; name="$ACTION_ID_${ACTION}"\r\n\r\n\r\n--x--\r\n`)).toBeNull();
  });

  it("refuses argument lists no client of the app sends", async () => {
    await fc.assert(fc.asyncProperty(hostileActionArguments, async (args) => {
      let value: unknown;
      try {
        value = JSON.parse(args);
      } catch {
        value = undefined;
      }
      const plausible = !/^\[{9}/.test(args) && Array.isArray(value) && value.length <= 8 &&
        strings(value).every((s) => !s.startsWith("$") || s === "$K1" || s.startsWith("$$"));
      const refusal = await post("text/plain", args, { "next-action": ACTION });
      if (!plausible) expect(refusal, args.slice(0, 80)).toEqual({ status: 400, reason: "badRequest" });
    }), { seed: SEED, numRuns: 300 });
    for (const args of ['["$@0"]', '"x"', "{}", JSON.stringify([...Array.from({ length: 999 }, () => 1), "$K1"])]) {
      expect(await post("application/json", args, { "next-action": ACTION }), args.slice(0, 40)).toEqual({ status: 400, reason: "badRequest" });
    }
  });

  it("takes a larger body only for the action a page allows it, and never past that page's limit", async () => {
    const UPLOAD = "7f00ff";
    const allowance = { limit: MAX_IMPORT_POST_BYTES, actionId: UPLOAD };
    const list = new Blob([`naam;e-mail\n${"Jan Peeters;jan@example.be\n".repeat(80_000)}`]); // ~2.2 MB
    const asFetch = async (size: "list" | "over") => {
      const form = new FormData();
      form.append("0", '["$K1"]');
      form.append("_1_file", size === "list" ? list : new Blob([new Uint8Array(MAX_IMPORT_POST_BYTES + 1)]), "vrijwilligers.csv");
      const request = new Request("http://x/", { method: "POST", body: form });
      return { contentType: request.headers.get("content-type")!, body: new Uint8Array(await request.arrayBuffer()) };
    };
    const listPost = await asFetch("list");
    expect(listPost.body.length).toBeGreaterThan(2 * MAX_FORM_POST_BYTES);
    expect(await post(listPost.contentType, listPost.body, { "next-action": UPLOAD }, allowance)).toBeNull();
    // Another action, none, or the right one where no page allows it: too large.
    for (const [headers, allowed] of [[{ "next-action": ACTION }, allowance], [{}, allowance], [{ "next-action": UPLOAD }, undefined], [{ "next-action": UPLOAD }, { limit: MAX_IMPORT_POST_BYTES, actionId: null }]] as const) {
      expect(await post(listPost.contentType, listPost.body, headers, allowed)).toEqual({ status: 413, reason: "tooLarge" });
    }
    expect(await post("text/plain;charset=UTF-8", `["${"x".repeat(2 * MAX_FORM_POST_BYTES)}"]`, { "next-action": ACTION }, allowance)).toEqual({ status: 413, reason: "tooLarge" });
    const over = await asFetch("over");
    expect(await post(over.contentType, over.body, { "next-action": UPLOAD }, allowance)).toEqual({ status: 413, reason: "tooLarge" });
    // Without JavaScript the form names its action in the body: the same rule.
    const noJs = async (actionId: string) => {
      const form = new FormData();
      for (const [k, v] of [["$ACTION_REF_1", ""], ["$ACTION_1:0", `{"id":"${actionId}","bound":"$@1"}`], ["$ACTION_1:1", '[{"values":{},"errors":{}}]'], ["$ACTION_KEY", "k0"]]) form.append(k, v);
      form.append("file", list, "vrijwilligers.csv");
      const request = new Request("http://x/", { method: "POST", body: form });
      return post(request.headers.get("content-type")!, new Uint8Array(await request.arrayBuffer()), {}, allowance);
    };
    expect(await noJs(UPLOAD)).toBeNull();
    expect(await noJs(ACTION)).toEqual({ status: 413, reason: "tooLarge" });
  });
});
