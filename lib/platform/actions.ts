"use server";

import { siteAction } from "@/lib/actions/pipeline";
import type { FormState } from "@/lib/forms/state";
import { changePlan, extendTrial, reactivateTown, suspendTown } from "./mutations";
import { planSchema, suspendSchema, trialSchema, type DoneNotice } from "./schemas";

// The town is the bound argument (the console acts on any town); the
// mutations answer NotFoundInTenant for one that does not exist, a 404.
const admin = { who: "platformAdmin", revalidate: "/admin" } as const;

/** Back to the town's page, saying what changed ("unchanged" when it already was so). */
const backToTown = (tenantId: string, notice: DoneNotice, changed: boolean) => ({
  redirect: `/admin/towns/${encodeURIComponent(tenantId)}?done=${changed ? notice : "unchanged"}`,
});

export async function suspendTownAction(tenantId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return siteAction(formData, { ...admin, id: tenantId, input: suspendSchema }, async ({ actor, id }, input) =>
    backToTown(id, "suspended", await suspendTown(actor.userId, id, input)));
}

export async function reactivateTownAction(tenantId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return siteAction(formData, { ...admin, id: tenantId }, async ({ actor, id }) =>
    backToTown(id, "reactivated", await reactivateTown(actor.userId, id)));
}

export async function changePlanAction(tenantId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return siteAction(formData, { ...admin, id: tenantId, input: planSchema }, async ({ actor, id }, input) =>
    backToTown(id, "plan", await changePlan(actor.userId, id, input)));
}

export async function extendTrialAction(tenantId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return siteAction(formData, { ...admin, id: tenantId, input: trialSchema }, async ({ actor, id }, input) =>
    backToTown(id, "trial", await extendTrial(actor.userId, id, input)));
}
