import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import type { Role } from "@/generated/prisma/client";
import { clientIp, withinLimits, type LIMITS } from "@/lib/abuse/rate-limit";
import { writeAudit, type AuditEntry } from "@/lib/audit/log";
import { requireRole, requireUser, type Member } from "@/lib/auth/guard";
import { requirePlatformAdmin } from "@/lib/auth/platform";
import { attempt } from "@/lib/forms/attempt";
import { assertForm, boundId } from "@/lib/forms/bound";
import { FormError } from "@/lib/forms/form-error";
import { fieldErrors, formValues, type FormState } from "@/lib/forms/state";
import { currentDb, currentTenant } from "@/lib/tenancy/current";
import type { TenantContext } from "@/lib/tenancy/resolve";
import { currentSite, type Site } from "@/lib/tenancy/site";

// Every server action goes through here, in this order: the form (a forged
// argument is a 404), the site and town from the proxy's header (never from
// the form or a bound argument), who is asking, rate limits, the input (zod),
// the body. Everything from the town lookup on runs inside `attempt`, so a
// database restart, a refusal or a wrong transition comes back as a
// translated form error with what was typed; success revalidates the site.

/** Who may call: anybody, any signed-in person, a role in this town, or a platform admin. */
export type Who = "anyone" | "user" | "platformAdmin" | readonly Role[];
type Actor<W extends Who> = W extends "anyone" ? null : W extends "platformAdmin" ? { userId: string } : W extends "user" ? { userId: string; email: string } : Member;

type Limit = [keyof typeof LIMITS, string];

export type Rule<W extends Who, S extends z.ZodType | undefined> = {
  who: W;
  /** The bound argument (`action.bind(null, id)`): it travels through the client, so a malformed one is a 404. */
  id?: unknown;
  /** How the bound argument is checked (default: a plain id, lib/forms/bound.ts). */
  idSchema?: z.ZodType<string>;
  /** Refusals before anything is counted or read (a paused town, a honeypot). */
  guard?: (ctx: { site: Site; tenant: TenantContext | null; values: Record<string, string> }) => void;
  /** Limits consumed before the input is read, keyed by the client's address. */
  limits?: (ip: string, tenant: TenantContext | null) => Limit[];
  /** The object the schema parses (default: the form's text fields); facts of the town (its country) go in last, so a form cannot choose them. */
  from?: (formData: FormData, values: Record<string, string>, tenant: TenantContext | null) => unknown;
  input?: S;
};

export type Context<W extends Who> = {
  site: Site;
  actor: Actor<W>;
  /** The bound id, checked; "" when the action takes none. */
  id: string;
  values: Record<string, string>;
  formData: FormData;
};

export type TownContext<W extends Who> = Context<W> & {
  tenant: TenantContext;
  /** An audit row by the acting person, for bodies whose data function does not write one. */
  audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>;
};

/** What a body returns: nothing (the form resets), a state to show, or where to go next. */
export type Outcome<S extends FormState> = undefined | void | { redirect: string } | { state: Partial<S> };

type Input<S> = S extends z.ZodType ? z.output<S> : undefined;

async function actorOf<W extends Who>(who: W, tenant: TenantContext | null): Promise<Actor<W>> {
  if (who === "anyone") return null as Actor<W>;
  if (who === "user") return (await requireUser()) as Actor<W>;
  if (who === "platformAdmin") return (await requirePlatformAdmin()) as Actor<W>;
  if (!tenant) notFound();
  return (await requireRole(tenant, [...(who as readonly Role[])])) as Actor<W>;
}

function bound(value: unknown, schema: z.ZodType<string> | undefined): string {
  if (!schema) return boundId(value);
  const parsed = schema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}

function parse<S extends z.ZodType | undefined>(rule: Rule<Who, S>, formData: FormData, values: Record<string, string>, tenant: TenantContext | null): Input<S> {
  if (!rule.input) return undefined as Input<S>;
  const parsed = rule.input.safeParse(rule.from ? rule.from(formData, values, tenant) : values);
  if (!parsed.success) throw new FormError(undefined, fieldErrors(parsed.error));
  return parsed.data as Input<S>;
}

async function pipeline<W extends Who, S extends z.ZodType | undefined, St extends FormState>(
  town: boolean,
  formData: unknown,
  rule: Rule<W, S>,
  body: (ctx: TownContext<W>, input: Input<S>) => Promise<Outcome<St>>,
  revalidate: string | undefined,
): Promise<St> {
  assertForm(formData);
  const id = "id" in rule ? bound(rule.id, rule.idSchema) : "";
  const values = formValues(formData);
  let outcome: { redirect: string } | { state: Partial<St> } | undefined;
  const failed = await attempt(values, async () => {
    const site = await currentSite();
    if (!site) notFound();
    const tenant = town ? await currentTenant() : site.tenant;
    const actor = await actorOf(rule.who, town ? tenant : null);
    rule.guard?.({ site, tenant, values });
    if (rule.limits && !(await withinLimits(rule.limits(await clientIp(), tenant)))) throw new FormError("rateLimited");
    const input = parse(rule, formData, values, tenant);
    const ctx = { site, actor, id, values, formData } as TownContext<W>;
    if (town && tenant) {
      ctx.tenant = tenant;
      ctx.audit = async (entry) => writeAudit(tenant, { actorId: actor?.userId ?? null, ...entry }, await currentDb());
    }
    outcome = (await body(ctx, input)) ?? undefined;
  });
  if (failed) return failed as St;
  if (revalidate) revalidatePath(revalidate, "layout");
  if (outcome && "redirect" in outcome) redirect(outcome.redirect);
  return { values: {}, errors: {}, ...(outcome && "state" in outcome ? outcome.state : {}) } as St;
}

/** An action on a town's site: the town comes from the proxy's header; success refreshes the town's pages. */
export function townAction<W extends Who, S extends z.ZodType | undefined = undefined, St extends FormState = FormState>(
  formData: unknown,
  rule: Rule<W, S>,
  body: (ctx: TownContext<W>, input: Input<S>) => Promise<Outcome<St>>,
): Promise<St> {
  return pipeline(true, formData, rule, body, "/");
}

/** An action on any site (the apex, or sign-in on a town): no town scope; `revalidate` names the pages it changes. */
export function siteAction<W extends Who, S extends z.ZodType | undefined = undefined, St extends FormState = FormState>(
  formData: unknown,
  rule: Rule<W, S> & { revalidate?: string },
  body: (ctx: Context<W>, input: Input<S>) => Promise<Outcome<St>>,
): Promise<St> {
  return pipeline(false, formData, rule, body, rule.revalidate);
}
