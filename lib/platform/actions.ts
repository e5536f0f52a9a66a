"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePlatformAdmin } from "@/lib/auth/platform";
import { attempt } from "@/lib/forms/attempt";
import { assertForm } from "@/lib/forms/bound";
import { formValues, type FormState } from "@/lib/forms/state";
import { changePlan, extendTrial, reactivateTown, suspendTown } from "./mutations";
import type { DoneNotice } from "./schemas";

// The mutations validate with zod and throw InvalidInput / NotFoundInTenant,
// which `attempt` turns into field errors or a 404.
async function run(
  tenantId: string,
  formData: FormData,
  done: Exclude<DoneNotice, "unchanged">,
  mutate: (actorId: string, values: Record<string, string>) => Promise<boolean>,
): Promise<FormState> {
  assertForm(formData);
  const { userId } = await requirePlatformAdmin();
  const values = formValues(formData);
  let changed = false;
  const failed = await attempt(values, async () => {
    changed = await mutate(userId, values);
  });
  if (failed) return failed;
  revalidatePath("/admin", "layout");
  redirect(`/admin/towns/${encodeURIComponent(tenantId)}?done=${changed ? done : "unchanged"}`);
}

export async function suspendTownAction(tenantId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return run(tenantId, formData, "suspended", (actorId, values) => suspendTown(actorId, tenantId, values));
}

export async function reactivateTownAction(tenantId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return run(tenantId, formData, "reactivated", (actorId) => reactivateTown(actorId, tenantId));
}

export async function changePlanAction(tenantId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return run(tenantId, formData, "plan", (actorId, values) => changePlan(actorId, tenantId, values));
}

export async function extendTrialAction(tenantId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return run(tenantId, formData, "trial", (actorId, values) => extendTrial(actorId, tenantId, values));
}
