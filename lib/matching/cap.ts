import { InvalidTransition } from "@/lib/errors";
import { forTenant } from "@/lib/tenancy/for-tenant";

/** How many offers a request accepts before it leaves the volunteers' list. */
export async function setResponseCap(tenant: { id: string }, requestId: string, maxResponses: number): Promise<void> {
  const { count } = await forTenant(tenant.id).helpRequest.updateMany({ where: { id: requestId }, data: { maxResponses } });
  if (count === 0) throw new InvalidTransition("transitionNotAllowed");
}
