"use server";

import { getTranslations } from "next-intl/server";
import { townAction } from "@/lib/actions/pipeline";
import { COORDINATOR_ROLES } from "@/lib/auth/guard";
import type { BulkState } from "@/lib/bulk/result";
import { bulkRequestFields, bulkRequestSchema, volunteerMessageFields, volunteerMessageSchema } from "@/lib/bulk/schemas";
import { InvalidInput } from "@/lib/errors";
import { currentLocale } from "@/lib/i18n/current";
import { bulkRequests, countSelectedRequests } from "@/lib/bulk/requests";
import { countSelectedVolunteers, messageVolunteers } from "@/lib/bulk/volunteers";

// Bulk actions are for the roles that may do the same to one item (coordinators
// and admins). The first submit reviews (how many of the selection are this
// town's, and what will happen); the second, with `confirmed=yes`, acts.

/** Publish, close, set the urgency of, or assign the top-ranked volunteer to selected requests. */
export async function bulkRequestsAction(_prev: BulkState, formData: FormData): Promise<BulkState> {
  return townAction<typeof COORDINATOR_ROLES, typeof bulkRequestSchema, BulkState>(
    formData, { who: COORDINATOR_ROLES, input: bulkRequestSchema, from: bulkRequestFields },
    async ({ tenant, actor }, input) => {
      const values = { op: input.op, urgency: input.urgency ?? "" };
      if (!input.confirmed) {
        const count = await countSelectedRequests(tenant, input.ids);
        if (count === 0) throw new InvalidInput({ ids: "chooseOne" });
        return { state: { values, review: { count, ids: input.ids } } };
      }
      const [locale, t] = await Promise.all([currentLocale(tenant.defaultLocale), getTranslations("requestDetail")]);
      const result = await bulkRequests(tenant, actor.userId, input.ids, {
        op: input.op, urgency: input.urgency, locale, suggestSummary: (r) => t("summarySuggestion", r),
      });
      return { state: { values, result } };
    },
  );
}

/** A message (subject and text) to selected volunteers, through the notification layer. */
export async function messageVolunteersAction(_prev: BulkState, formData: FormData): Promise<BulkState> {
  return townAction<typeof COORDINATOR_ROLES, typeof volunteerMessageSchema, BulkState>(
    formData, { who: COORDINATOR_ROLES, input: volunteerMessageSchema, from: volunteerMessageFields },
    async ({ tenant, actor }, input) => {
      const values = { subject: input.subject, body: input.body };
      if (!input.confirmed) {
        const count = await countSelectedVolunteers(tenant, input.ids);
        if (count === 0) throw new InvalidInput({ ids: "chooseOne" });
        return { state: { values, review: { count, ids: input.ids } } };
      }
      const result = await messageVolunteers(tenant, actor.userId, input.ids, { subject: input.subject, body: input.body });
      return { state: { result } };
    },
  );
}
