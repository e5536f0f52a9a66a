"use server";

import { townAction } from "@/lib/actions/pipeline";
import { ADMIN_ROLES, STAFF_ROLES } from "@/lib/auth/guard";
import { confirmCheck, confirmTraining } from "@/lib/checks/confirm";
import { saveCheckTerms, setCategoryChecks, setVacancyChecks } from "@/lib/checks/policy";
import { checkTermsSchema, confirmCheckSchema, requiredChecksFields, requiredChecksSchema } from "@/lib/checks/schemas";
import type { FormState } from "@/lib/forms/state";

/** An admin chooses which checks a category's requests need. */
export async function categoryChecksAction(categoryId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, id: categoryId, input: requiredChecksSchema, from: requiredChecksFields }, async ({ tenant, actor, id }, input) => {
    await setCategoryChecks(tenant, actor.userId, id, input.kinds);
    return { state: { values: { saved: "1" } } };
  });
}

/** An admin chooses which checks a partner vacancy needs. */
export async function vacancyChecksAction(vacancyId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, id: vacancyId, input: requiredChecksSchema, from: requiredChecksFields }, async ({ tenant, actor, id }, input) => {
    await setVacancyChecks(tenant, actor.userId, id, input.kinds);
    return { state: { values: { saved: "1" } } };
  });
}

/** An admin sets one kind's validity, name and (for the training) text. */
export async function checkTermsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, input: checkTermsSchema }, async ({ tenant, actor }, input) => {
    await saveCheckTerms(tenant, actor.userId, input);
    return { state: { values: { saved: "1" } } };
  });
}

/** Staff record that they saw a volunteer's identity, record extract or reference. */
export async function confirmCheckAction(volunteerId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: STAFF_ROLES, id: volunteerId, input: confirmCheckSchema }, async ({ tenant, actor, id }, input) => {
    await confirmCheck(tenant, actor.userId, id, input.kind, input.note);
    return { state: { values: { saved: input.kind } } };
  });
}

/** The volunteer confirms they read the town's training module. */
export async function confirmTrainingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: "user" }, async ({ tenant, actor }) => {
    await confirmTraining(tenant, actor.userId);
    return { state: { values: { saved: "1" } } };
  });
}
