import { createECDH, createPublicKey, randomBytes, verify } from "node:crypto";
import { createRequire } from "node:module";
import { createServer, type Server } from "node:http";

// web-push's own encryption library (RFC 8188), used here the other way round: to decrypt as a browser would.
const ece = createRequire(import.meta.url)("http_ece") as { decrypt(body: Buffer, params: { version: string; privateKey: unknown; authSecret: string }): Buffer };

export type PushCall = { path: string; payload: unknown; ttl: string | undefined };

/** A browser's side of a subscription: its key pair and auth secret, and the subscription it hands the site. */
export function fakeBrowser(endpoint: string) {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16).toString("base64url");
  return { ecdh, endpoint, p256dh: ecdh.getPublicKey().toString("base64url"), auth };
}
type Browser = ReturnType<typeof fakeBrowser>;

/**
 * A local push service (RFC 8030) at http://127.0.0.1:<port>/<path>: checks
 * the VAPID signature (RFC 8292) against `vapidPublicKey`, decrypts the
 * payload with the browser's key, and answers what `answer` says (default 201).
 * `calls` lists every request that arrived, decrypted; a bad signature is a 401.
 */
export async function startFakePushService(vapidPublicKey: string, answer: (path: string, n: number) => number = () => 201) {
  const calls: PushCall[] = [];
  const browsers = new Map<string, Browser>();
  const perPath = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const origin = `http://${req.headers.host}`;
      if (!validVapid(String(req.headers.authorization ?? ""), vapidPublicKey, origin)) return void res.writeHead(401).end();
      const browser = browsers.get(path);
      const payload = browser ? JSON.parse(ece.decrypt(Buffer.concat(chunks), { version: "aes128gcm", privateKey: browser.ecdh, authSecret: browser.auth }).toString("utf8")) : null;
      calls.push({ path, payload, ttl: req.headers.ttl as string | undefined });
      const n = (perPath.get(path) ?? 0) + 1;
      perPath.set(path, n);
      res.writeHead(answer(path, n)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    calls,
    /** A browser subscribed at this service under `path`. */
    browser(path: string) {
      const b = fakeBrowser(`http://127.0.0.1:${port}${path}`);
      browsers.set(path, b);
      return b;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** "vapid t=<JWT>, k=<key>": the key is the site's, the JWT signed by it (ES256) for this origin and not expired. */
function validVapid(header: string, expectedKey: string, audience: string): boolean {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header);
  if (!match || match[2] !== expectedKey) return false;
  const [head, body, signature] = match[1].split(".");
  const point = Buffer.from(match[2], "base64url");
  const key = createPublicKey({ key: { kty: "EC", crv: "P-256", x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33).toString("base64url") }, format: "jwk" });
  if (!verify("sha256", Buffer.from(`${head}.${body}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"))) return false;
  const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  return claims.aud === audience && claims.exp * 1000 > Date.now() && typeof claims.sub === "string";
}
