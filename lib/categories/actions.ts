"use server";

import { townAction } from "@/lib/actions/pipeline";
import { ADMIN_ROLES } from "@/lib/auth/guard";
import type { FormState } from "@/lib/forms/state";
import { addCategory, moveCategory, renameCategory, setCategoryActive } from "@/lib/categories/admin";
import { categoryLabelsSchema, moveSchema } from "@/lib/categories/schemas";

// The languages a label is required in are the town's, never the form's.
const labelsOf = (_form: FormData, values: Record<string, string>, tenant: { locales: string[] } | null) => ({ ...values, offered: tenant?.locales ?? [] });

export async function addCategoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, input: categoryLabelsSchema, from: labelsOf }, async ({ tenant, actor }, input) => {
    await addCategory(tenant, actor.userId, input.labels);
    return { state: { values: { added: "1" } } };
  });
}

export async function renameCategoryAction(categoryId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, id: categoryId, input: categoryLabelsSchema, from: labelsOf }, async ({ tenant, actor, id }, input) => {
    await renameCategory(tenant, actor.userId, id, input.labels);
    return { state: { values: { saved: "1" } } };
  });
}

export async function retireCategoryAction(categoryId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, id: categoryId }, async ({ tenant, actor, id }) => {
    await setCategoryActive(tenant, actor.userId, id, false);
  });
}

export async function restoreCategoryAction(categoryId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, id: categoryId }, async ({ tenant, actor, id }) => {
    await setCategoryActive(tenant, actor.userId, id, true);
  });
}

export async function moveCategoryAction(categoryId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, id: categoryId, input: moveSchema }, async ({ tenant, actor, id }, input) => {
    await moveCategory(tenant, actor.userId, id, input.direction);
  });
}
