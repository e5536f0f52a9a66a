"use server";

import { townAction } from "@/lib/actions/pipeline";
import { COORDINATOR_ROLES } from "@/lib/auth/guard";
import type { FormState } from "@/lib/forms/state";
import { decideHelp, logHelp } from "@/lib/help-record/log";
import { helpDecisionSchema, helpLogSchema } from "@/lib/help-record/schemas";

/** A volunteer logs the time of one of their finished assignments. */
export async function logHelpAction(assignmentId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: "user", id: assignmentId, input: helpLogSchema }, async ({ tenant, actor, id }, input) => {
    await logHelp(tenant, actor.userId, id, input);
  });
}

/** Only a coordinator (or admin) of this town confirms or rejects a log. */
export async function decideHelpAction(logId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: COORDINATOR_ROLES, id: logId, input: helpDecisionSchema }, async ({ tenant, actor, id }, input) => {
    await decideHelp(tenant, actor.userId, id, input.decision === "confirm");
  });
}
