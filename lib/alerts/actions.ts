"use server";

import { siteAction } from "@/lib/actions/pipeline";
import { offerByLink } from "@/lib/alerts/link";
import { alertTokenSchema } from "@/lib/alerts/schemas";
import { NotFoundInTenant } from "@/lib/errors";
import type { FormState } from "@/lib/forms/state";

export type AlertLinkState = FormState & { done?: boolean };

/**
 * "I can help" from an alert's link: no sign-in, the token is the proof (a
 * malformed one is a 404 before anything is read). A site action, not a town
 * action, only so that nothing is re-rendered after it: the link's page, its
 * link now used, would turn into "not found" under the thanks.
 */
export async function alertOfferAction(token: string, _prev: AlertLinkState, formData: FormData): Promise<AlertLinkState> {
  return siteAction<"anyone", undefined, AlertLinkState>(
    formData,
    { who: "anyone", id: token, idSchema: alertTokenSchema, limits: (ip, tenant) => [["alertLinkPerIp", `${tenant?.id ?? "apex"}:${ip}`]] },
    async ({ site, id }) => {
      if (!site.tenant) throw new NotFoundInTenant("alert");
      await offerByLink(site.tenant, id);
      return { state: { done: true } };
    },
  );
}
