"use server";

import { townAction } from "@/lib/actions/pipeline";
import { STAFF_ROLES } from "@/lib/auth/guard";
import { markCalledBack } from "@/lib/callbacks/mutations";

/** "Called back" on the staff's callback list; a call a colleague recorded meanwhile just leaves the list. */
export async function calledBackAction(callbackId: string, formData: FormData): Promise<void> {
  await townAction(formData, { who: STAFF_ROLES, id: callbackId }, async ({ tenant, actor, id }) => {
    await markCalledBack(tenant, actor.userId, id);
  });
}
