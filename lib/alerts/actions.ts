"use server";

import { townAction } from "@/lib/actions/pipeline";
import { offerByLink } from "@/lib/alerts/link";
import { alertTokenSchema } from "@/lib/alerts/schemas";
import type { FormState } from "@/lib/forms/state";

export type AlertLinkState = FormState & { done?: boolean };

/** "I can help" from an alert's link: no sign-in, the token is the proof (a malformed one is a 404 before anything is read). */
export async function alertOfferAction(token: string, _prev: AlertLinkState, formData: FormData): Promise<AlertLinkState> {
  return townAction<"anyone", undefined, AlertLinkState>(
    formData,
    { who: "anyone", id: token, idSchema: alertTokenSchema, limits: (ip, tenant) => [["alertLinkPerIp", `${tenant!.id}:${ip}`]] },
    async ({ tenant, id }) => {
      await offerByLink(tenant, id);
      return { state: { done: true } };
    },
  );
}
