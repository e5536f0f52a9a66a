"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { writeAudit } from "@/lib/audit/log";
import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { addDomain, removeDomain, verifyDomain } from "@/lib/domains/domains";
import { addDomainSchema, hostArgSchema } from "@/lib/domains/schemas";
import { attempt } from "@/lib/forms/attempt";
import { assertForm } from "@/lib/forms/bound";
import { fieldErrors, formValues, type FormState } from "@/lib/forms/state";
import { tenantOfRequest } from "@/lib/tenancy/from-request";

const done = (): FormState => {
  revalidatePath("/", "layout");
  return { values: {}, errors: {} };
};

async function adminOfRequest() {
  const tenant = await tenantOfRequest();
  const member = await requireRole(tenant, ADMIN_ROLES);
  return { tenant, member };
}

function boundHost(host: unknown): string {
  const parsed = hostArgSchema.safeParse(host);
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function addDomainAction(_prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const { tenant, member } = await adminOfRequest();
  const values = formValues(formData);
  const parsed = addDomainSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  return (await attempt(values, async () => {
    const domain = await addDomain(tenant, parsed.data.host);
    await writeAudit(tenant, { actorId: member.userId, action: "domain.add", subjectType: "Domain", subjectId: domain.host });
  })) ?? done();
}

export async function verifyDomainAction(host: string, _prev: FormState, _formData: FormData): Promise<FormState> {
  const { tenant, member } = await adminOfRequest();
  const key = boundHost(host);
  return (await attempt({}, async () => {
    const domain = await verifyDomain(tenant, key);
    await writeAudit(tenant, { actorId: member.userId, action: "domain.verify", subjectType: "Domain", subjectId: domain.host });
  })) ?? done();
}

export async function removeDomainAction(host: string, _prev: FormState, _formData: FormData): Promise<FormState> {
  const { tenant, member } = await adminOfRequest();
  const key = boundHost(host);
  return (await attempt({}, async () => {
    await removeDomain(tenant, key);
    await writeAudit(tenant, { actorId: member.userId, action: "domain.remove", subjectType: "Domain", subjectId: key });
  })) ?? done();
}
