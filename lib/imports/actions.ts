"use server";

import { siteAction, townAction } from "@/lib/actions/pipeline";
import { COORDINATOR_ROLES } from "@/lib/auth/guard";
import { NotFoundInTenant } from "@/lib/errors";
import { FormError } from "@/lib/forms/form-error";
import type { FormState } from "@/lib/forms/state";
import { acceptInvitation, acceptOwnInvitation } from "@/lib/imports/invitation";
import { confirmImport, previewImport } from "@/lib/imports/jobs";
import { ImportFileError } from "@/lib/imports/parse";
import { acceptInvitationSchema, importFileNameSchema, invitationTokenSchema } from "@/lib/imports/schemas";

/**
 * A coordinator uploads a volunteer list: it is read and checked, and its
 * preview opens. Nothing about the people in it is written yet. A file that
 * cannot be read comes back as the file field's error (keys under
 * `imports.fileErrors`).
 */
export async function previewImportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, {
    who: COORDINATOR_ROLES,
    from: (data) => (data.get("file") instanceof File ? (data.get("file") as File).name : ""),
    input: importFileNameSchema,
  }, async ({ tenant, actor }, name) => {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) throw new FormError(undefined, { file: "empty" });
    try {
      const preview = await previewImport(tenant, actor.userId, { name, bytes: new Uint8Array(await file.arrayBuffer()) });
      if ("missing" in preview) throw new FormError(undefined, { file: `missingColumns:${preview.missing.join(",")}` });
      return { redirect: `/staff/volunteers/import/${preview.jobId}` };
    } catch (error) {
      if (error instanceof ImportFileError) throw new FormError(undefined, { file: error.key });
      throw error;
    }
  });
}

/** The coordinator confirms the preview they uploaded: the worker imports it, and invitations go out. */
export async function confirmImportAction(importId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: COORDINATOR_ROLES, id: importId }, async ({ tenant, actor, id }) => {
    await confirmImport(tenant, actor.userId, id);
    return { redirect: `/staff/volunteers/import/${id}` };
  });
}

export type InvitationState = FormState & { accepted?: boolean };

/**
 * An imported volunteer accepts their invitation from its link: no sign-in,
 * the signed token is the proof (a malformed one is a 404). A site action so
 * that the page, its link now used, is not re-rendered under the thanks.
 */
export async function acceptInvitationAction(invitation: string, _prev: InvitationState, formData: FormData): Promise<InvitationState> {
  return siteAction<"anyone", typeof acceptInvitationSchema, InvitationState>(
    formData,
    { who: "anyone", id: invitation, idSchema: invitationTokenSchema, input: acceptInvitationSchema, limits: (ip, tenant) => [["alertLinkPerIp", `${tenant?.id ?? "apex"}:${ip}`]] },
    async ({ site, id }) => {
      if (!site.tenant) throw new NotFoundInTenant("invitation");
      await acceptInvitation(site.tenant, id);
      return { state: { accepted: true } };
    },
  );
}

/**
 * An imported volunteer who signed in (their own volunteer page) accepts
 * there: the same terms, the session instead of the link's token. Back on
 * their page, requests near them show.
 */
export async function acceptOwnInvitationAction(_prev: InvitationState, formData: FormData): Promise<InvitationState> {
  return townAction(formData, { who: "user", input: acceptInvitationSchema }, async ({ tenant, actor }) => {
    await acceptOwnInvitation(tenant, actor.userId);
    return { redirect: "/volunteer?confirmed=1" };
  });
}
