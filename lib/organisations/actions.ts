"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/guard";
import { attempt } from "@/lib/forms/attempt";
import { boundId, assertForm } from "@/lib/forms/bound";
import { fieldErrors, formValues, type FormState } from "@/lib/forms/state";
import { closeVacancy, postVacancy, saveOrganisation } from "@/lib/organisations/vacancies";
import { tenantOfRequest } from "@/lib/tenancy/from-request";
import { profileFormObject } from "@/lib/matching/schemas";
import { organisationSchema, vacancySchema } from "@/lib/organisations/schemas";

const ORGANISATION = ["ORGANISATION"] as const;

const done = (): FormState => {
  revalidatePath("/", "layout");
  return { values: {}, errors: {} };
};

export async function saveOrganisationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const tenant = await tenantOfRequest();
  const member = await requireRole(tenant, [...ORGANISATION]);
  const values = formValues(formData);
  const parsed = organisationSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  return (await attempt(values, () => saveOrganisation(tenant, member.userId, parsed.data))) ?? done();
}

export async function postVacancyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const tenant = await tenantOfRequest();
  const member = await requireRole(tenant, [...ORGANISATION]);
  const values = formValues(formData);
  const parsed = vacancySchema.safeParse(profileFormObject(formData));
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  return (await attempt(values, () => postVacancy(tenant, member.userId, parsed.data))) ?? done();
}

export async function closeVacancyAction(vacancyId: string): Promise<void> {
  const id = boundId(vacancyId);
  const tenant = await tenantOfRequest();
  const member = await requireRole(tenant, [...ORGANISATION]);
  await attempt({}, () => closeVacancy(tenant, member.userId, id));
  revalidatePath("/", "layout");
}
