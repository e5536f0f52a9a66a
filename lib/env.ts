import { z } from "zod";

// Validated once at start-up: a missing or malformed variable stops the
// process with a message naming it, instead of failing later on a request.
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgresql:// URL" }),
  // Optional login for the web app, a member of helpt_app that owns nothing
  // (production); DATABASE_URL, the owner, then only serves migrations and jobs.
  DATABASE_APP_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgresql:// URL" }).optional(),
  // Optional system login, a member of helpt_system (the worker, and in the web
  // app tenant resolution by host, sign-up, webhooks, the platform console);
  // without it that work uses DATABASE_URL, the owner.
  DATABASE_SYSTEM_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgresql:// URL (the system login, a member of helpt_system)" }).optional(),
  HELPT_SECOND_WALL: z.enum(["on", "off"], { message: "must be on or off (off only to measure its cost)" }).default("on"),
  ROOT_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/, "must be a bare host name such as helpt.be or localhost")
    .default("localhost"),
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
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}\nSee the configuration table in README.md.`);
  }
  return result.data;
}

/** The validated configuration (parsed on each call: cheap, and follows the live environment). */
export function env(): Env {
  return parseEnv(process.env);
}
