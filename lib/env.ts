import { z } from "zod";
import { invalidProxyEntries } from "./http/forwarded";

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgresql:// URL" });

// Validated once at start-up: a missing or malformed variable stops the
// process with a message naming it, instead of failing later on a request.
// Every variable here is listed in .env.example (tests/unit/env-example.test.ts).
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  // Optional login for the web app, a member of helpt_app that owns nothing
  // (production); DATABASE_URL, the owner, then only serves migrations and jobs.
  DATABASE_APP_URL: postgresUrl.optional(),
  // Optional system login, a member of helpt_system (the worker, and in the web
  // app tenant resolution by host, sign-up, webhooks, the platform console);
  // without it that work uses DATABASE_URL, the owner.
  DATABASE_SYSTEM_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgresql:// URL (the system login, a member of helpt_system)" }).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1, "must be a whole number of at least 1").default(10),
  HELPT_BENCH: z.enum(["1"], { message: "must be 1 (only `npm run bench` sets it)" }).optional(),
  HELPT_SECOND_WALL: z.enum(["on", "off"], { message: "must be on or off (off only to measure its cost)" }).default("on"),
  ROOT_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/, "must be a bare host name such as helpt.be or localhost")
    .default("localhost"),
  PORT: z.coerce.number().int().min(1).max(65535, "must be a TCP port").default(3000),
  // Reverse proxies whose X-Forwarded-For / Forwarded are believed (addresses or
  // CIDR blocks, comma-separated). Unset: nobody's; the socket peer is the client.
  TRUSTED_PROXIES: z
    .string()
    .superRefine((v, ctx) => {
      const bad = invalidProxyEntries(v);
      if (bad.length) ctx.addIssue({ code: "custom", message: `not an IP address or CIDR block: ${bad.join(", ")}` });
    })
    .default(""),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  RESEND_API_KEY: z.string().startsWith("re_", "must start with re_").optional(),
  RESEND_BASE_URL: z.url().default("https://api.resend.com"),
  EMAIL_FROM: z.string().default("Helpt <noreply@helpt.localhost>"),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_/, "must start with sk_ or rk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "must start with whsec_").optional(),
  // Tests point the Stripe SDK at a local server speaking Stripe's API.
  STRIPE_API_URL: z.url().optional(),
  // DNS servers for custom-domain checks ("127.0.0.1:5353", comma-separated); default: the system's.
  HELPT_DNS_SERVER: z.string().regex(/^[^\s,]+(,[^\s,]+)*$/, "must be host:port[,host:port]").optional(),

  // --- E-mail transport, webhooks and observability (issue 15, items 5 and 6) ---
  // A municipality's own relay (smtp://user:pass@host:587 or smtps://…:465); used when RESEND_API_KEY is unset.
  SMTP_URL: z.url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL" }).optional(),
  // Signing secret of Resend's bounce/complaint webhook (POST /api/email/webhook); without it the webhook answers 404.
  RESEND_WEBHOOK_SECRET: z.string().startsWith("whsec_", "must start with whsec_").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { message: "must be a pino level (info, warn, …)" }).optional(),
  // Bearer token for GET /api/metrics (Prometheus); without it the endpoint answers 404.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // /api/ready answers 503 when the newest worker heartbeat is older, or more mail than this waits.
  READY_MAX_HEARTBEAT_AGE_SECONDS: z.coerce.number().int().positive().default(60),
  READY_MAX_EMAIL_BACKLOG: z.coerce.number().int().positive().default(1000),
  // --- SMS (issue 18): Twilio; without it, texts stay in the development inbox (/dev/sms) outside production ---
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be AC followed by 32 hex digits").optional(),
  // Also verifies the signatures of Twilio's status and inbound webhooks (POST /api/sms/status, /api/sms/inbound).
  TWILIO_AUTH_TOKEN: z.string().min(16, "must be the account's auth token").optional(),
  // The sender: a number in E.164 or an alphanumeric sender ID, or a messaging service (MG…).
  TWILIO_FROM: z.string().regex(/^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11})$/, "must be a number in E.164 (+32…) or a sender ID of at most 11 letters and digits").optional(),
  TWILIO_MESSAGING_SERVICE_SID: z.string().regex(/^MG[0-9a-fA-F]{32}$/, "must be MG followed by 32 hex digits").optional(),
  // Tests point the Twilio SDK at a local server speaking Twilio's API.
  TWILIO_BASE_URL: z.url().optional(),
  // --- Web push (lib/notifications/push-outbox.ts): all three, or push is off ---
  // A VAPID key pair (npx web-push generate-vapid-keys), base64url; and who the push services may contact about it.
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{87}$/, "must be a base64url P-256 public key (npx web-push generate-vapid-keys)").optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be a base64url P-256 private key (npx web-push generate-vapid-keys)").optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "must be a mailto: address or an https:// URL").optional(),
  // --- Maps (lib/maps/tiles.ts): unset, maps draw without tiles ---------------
  // A tile server's URL template, https with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png
  MAP_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^\s"'<>]+$/, "must be an https:// URL template")
    .refine((v) => ["{z}", "{x}", "{y}"].every((p) => v.includes(p)), "must contain {z}, {x} and {y}")
    .optional(),
  // Shown on every map that uses those tiles, as the tile server's licence asks (e.g. "© OpenStreetMap contributors").
  MAP_TILE_ATTRIBUTION: z.string().max(200, "must be at most 200 characters").optional(),
  // --- Production and the demo ----------------------------------------------
  // `npm start` (the demo launcher) sets HELPT_DEMO=1 for what it starts: the
  // embedded demo, with the development mailbox and /dev/*. Anything else run
  // with NODE_ENV=production (the standalone server sets it itself) is
  // production: see PRODUCTION_REQUIRED below, and no /dev/* at all.
  HELPT_DEMO: z.enum(["1"], { message: "must be 1 (only the demo launcher sets it)" }).optional(),
  // The key Next.js encrypts server actions' bound arguments with (base64 of 16,
  // 24 or 32 random bytes: openssl rand -base64 32). Every web instance needs
  // the same one, or a form rendered by one instance fails when posted to another.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .refine((v) => [16, 24, 32].includes(Buffer.from(v, "base64").length) && /^[A-Za-z0-9+/]+={0,2}$/.test(v), "must be base64 of 16, 24 or 32 bytes (openssl rand -base64 32)")
    .optional(),
  // The address the standalone server listens on (Next.js reads it; default
  // 0.0.0.0). Keep 0.0.0.0: with 127.0.0.1, Next.js 16 sends the proxy's
  // rewrites to "localhost" as if to another server, and they fail.
  HOSTNAME: z.string().optional(),
  // --- The platform's operator, named in the legal pages (privacy notice, terms, processing agreement) ---
  // Required in production; the defaults say plainly that they are placeholders.
  HELPT_OPERATOR_NAME: z.string().trim().min(2, "must be the operator's legal name").default("Helpt development operator (set HELPT_OPERATOR_NAME)"),
  HELPT_OPERATOR_ADDRESS: z.string().trim().min(5, "must be the operator's postal address").default("Placeholder street 1, 1000 Brussels (set HELPT_OPERATOR_ADDRESS)"),
});

export type Env = z.infer<typeof envSchema>;

/**
 * Production (NODE_ENV=production) outside the demo: the development mailbox
 * and /dev/* do not exist, and PRODUCTION_REQUIRED must be set.
 */
/** `npm run bench` sets HELPT_BENCH=1 for its servers: the bench's own routes (app/bench) answer only then. */
export function benchEnabled(source: Record<string, string | undefined> = process.env): boolean {
  return source.HELPT_BENCH === "1";
}

export function isProduction(source: Record<string, string | undefined> = process.env): boolean {
  return source.NODE_ENV === "production" && source.HELPT_DEMO !== "1";
}

// What production refuses to start without, and why, in one line each.
const PRODUCTION_REQUIRED: { name: string; present: (s: Record<string, string | undefined>) => boolean; why: string }[] = [
  { name: "AUTH_SECRET", present: (s) => !!s.AUTH_SECRET, why: "signs sessions and sign-in links; the same value on every instance (openssl rand -base64 32)" },
  { name: "ROOT_DOMAIN", present: (s) => !!s.ROOT_DOMAIN, why: "the apex host, e.g. helpt.be; towns live on <slug>.<ROOT_DOMAIN>" },
  // SMTP_URL is the e-mail transport for municipalities with their own relay.
  { name: "RESEND_API_KEY or SMTP_URL", present: (s) => !!(s.RESEND_API_KEY || s.SMTP_URL), why: "an e-mail transport; production has no development mailbox" },
  { name: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", present: (s) => !!s.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, why: "the same key on every web instance (openssl rand -base64 32)" },
  { name: "HELPT_OPERATOR_NAME", present: (s) => !!s.HELPT_OPERATOR_NAME, why: "the operator's legal name, which the privacy notice and the platform terms must give" },
  { name: "HELPT_OPERATOR_ADDRESS", present: (s) => !!s.HELPT_OPERATOR_ADDRESS, why: "the operator's postal address, which the privacy notice and the platform terms must give" },
];

// Variables that only work together: set the first, and the others are needed too.
const TOGETHER: { name: string; present: (s: Record<string, string | undefined>) => boolean; why: string }[] = [
  { name: "TWILIO_ACCOUNT_SID", present: (s) => !s.TWILIO_ACCOUNT_SID || !!(s.TWILIO_AUTH_TOKEN && (s.TWILIO_FROM || s.TWILIO_MESSAGING_SERVICE_SID)), why: "needs TWILIO_AUTH_TOKEN and TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID" },
];

/** One line per problem, each naming its variable; empty when the configuration is usable. */
export function configurationProblems(source: Record<string, string | undefined>): string[] {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
  const problems = isProduction(cleaned)
    ? PRODUCTION_REQUIRED.filter((r) => !r.present(cleaned)).map((r) => `${r.name} is required in production: ${r.why}`)
    : [];
  problems.push(...TOGETHER.filter((r) => !r.present(cleaned)).map((r) => `${r.name} ${r.why}`));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = issue.path.join(".");
      if (!problems.some((p) => p.startsWith(`${name} `))) problems.push(`${name}: ${issue.message}`);
    }
  }
  return problems;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const problems = configurationProblems(source);
  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example and docs/operations.md.`);
  }
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
  return envSchema.parse(cleaned);
}

// Every page reads the configuration several times (Auth.js's settings, the
// client's address): parsing the whole environment with zod each time cost
// about 0.2 ms a call. The parse is kept while the variables it reads are
// unchanged, so env() still follows the live environment.
const ENV_NAMES = Object.keys(envSchema.shape);
let parsed: { inputs: string; value: Env } | undefined;

/** The validated configuration, parsed again whenever one of its variables changes. */
export function env(): Env {
  const inputs = JSON.stringify(ENV_NAMES.map((name) => process.env[name] ?? null));
  if (parsed?.inputs !== inputs) parsed = { inputs, value: parseEnv(process.env) };
  return parsed.value;
}
