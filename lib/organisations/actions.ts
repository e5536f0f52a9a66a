"use server";

import { townAction } from "@/lib/actions/pipeline";
import type { FormState } from "@/lib/forms/state";
import { closeVacancy, postVacancy, saveOrganisation } from "@/lib/organisations/vacancies";
import { profileFormObject } from "@/lib/matching/schemas";
import { organisationSchema, vacancySchema } from "@/lib/organisations/schemas";

const ORGANISATION = ["ORGANISATION"] as const;

export async function saveOrganisationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ORGANISATION, input: organisationSchema }, async ({ tenant, actor }, input) => {
    await saveOrganisation(tenant, actor.userId, input);
  });
}

export async function postVacancyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ORGANISATION, input: vacancySchema, from: profileFormObject }, async ({ tenant, actor }, input) => {
    await postVacancy(tenant, actor.userId, input);
  });
}

export async function closeVacancyAction(vacancyId: string, formData: FormData): Promise<void> {
  await townAction(formData, { who: ORGANISATION, id: vacancyId }, async ({ tenant, actor, id }) => {
    await closeVacancy(tenant, actor.userId, id);
  });
}
