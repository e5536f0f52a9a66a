import http from "node:http";

// Node does not resolve *.localhost (browsers do), so Playwright's request
// context cannot reach the towns. This client sends every request to
// 127.0.0.1 and keeps the site's host in the Host header, with its own
// per-host cookie jar: what a browser would send, without a browser.

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

export type SendInit = { method?: string; headers?: Record<string, string>; body?: Buffer | string; jar?: Jar };

export function send(url: string, init: SendInit = {}): Promise<Reply> {
  const target = new URL(url);
  const cookie = init.jar?.header(target.hostname);
  const headers: Record<string, string> = { host: target.host, ...(cookie ? { cookie } : {}), ...init.headers };
  return new Promise((resolve, reject) => {
    const request = http.request(
      { agent, host: "127.0.0.1", port: target.port, path: `${target.pathname}${target.search}`, method: init.method ?? "GET", headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          init.jar?.store(target.hostname, response.headers["set-cookie"] ?? []);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
}

/** A multipart body exactly as fetch() would encode it. */
export async function multipart(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const request = new Request("http://encode.invalid/", { method: "POST", body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get("content-type")! };
}

/**
 * Cookies per host, as a browser keeps them: host-only cookies go back to
 * their own host only; a Domain attribute widens them to subdomains.
 */
export class Jar {
  private readonly cookies = new Map<string, { domain: string; hostOnly: boolean; value: string }>();

  constructor(entries: { name: string; value: string; domain: string }[] = []) {
    for (const c of entries) this.set(c.name, c.value, c.domain.replace(/^\./, ""), !c.domain.startsWith("."));
  }

  set(name: string, value: string, domain: string, hostOnly = true) {
    this.cookies.set(`${domain}|${name}`, { domain, hostOnly, value });
  }

  get(host: string, name: string): string | undefined {
    return this.cookies.get(`${host}|${name}`)?.value;
  }

  header(host: string): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => c.domain === host || (!c.hostOnly && host.endsWith(`.${c.domain}`)))
      .map(([key, c]) => `${key.split("|")[1]}=${c.value}`)
      .join("; ");
  }

  store(host: string, setCookies: string[]) {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(";").map((s) => s.trim());
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.split("=")[1];
      const domain = attr("domain")?.replace(/^\./, "");
      const expired = attr("max-age") === "0" || (attr("expires") && Date.parse(attr("expires")!) < Date.now());
      const key = `${domain ?? host}|${name}`;
      if (expired || value === "") this.cookies.delete(key);
      else this.cookies.set(key, { domain: domain ?? host, hostOnly: !domain, value });
    }
  }
}
