"use server";

import { townAction } from "@/lib/actions/pipeline";
import { ADMIN_ROLES } from "@/lib/auth/guard";
import { addDomain, removeDomain, verifyDomain } from "@/lib/domains/domains";
import { addDomainSchema, hostArgSchema } from "@/lib/domains/schemas";
import type { FormState } from "@/lib/forms/state";

export async function addDomainAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, input: addDomainSchema }, async ({ tenant, audit }, input) => {
    const domain = await addDomain(tenant, input.host);
    await audit({ action: "domain.add", subjectType: "Domain", subjectId: domain.host });
  });
}

export async function verifyDomainAction(host: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, id: host, idSchema: hostArgSchema }, async ({ tenant, id, audit }) => {
    const domain = await verifyDomain(tenant, id);
    await audit({ action: "domain.verify", subjectType: "Domain", subjectId: domain.host });
  });
}

export async function removeDomainAction(host: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, id: host, idSchema: hostArgSchema }, async ({ tenant, id, audit }) => {
    await removeDomain(tenant, id);
    await audit({ action: "domain.remove", subjectType: "Domain", subjectId: id });
  });
}
