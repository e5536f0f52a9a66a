import { cookies } from "next/headers";
import { idSchema } from "@/lib/forms/bound";
import type { SignupData } from "@/lib/signup/schemas";
import { systemDb } from "@/lib/tenancy/system";

export const SIGNUP_COOKIE = "helpt-signup";

/** The visitor's sign-up in progress (created on first use); leaving and coming back resumes it. */
export async function currentDraft(): Promise<{ id: string; step: number; data: SignupData; tenantId: string | null }> {
  const jar = await cookies();
  const cookie = idSchema.safeParse(jar.get(SIGNUP_COOKIE)?.value); // the cookie can be forged
  const found = cookie.success ? await systemDb.signupDraft.findUnique({ where: { id: cookie.data } }) : null;
  if (found) return { id: found.id, step: found.step, data: found.data as SignupData, tenantId: found.tenantId };
  return { id: "", step: 1, data: {}, tenantId: null };
}

/** Saves the draft and remembers it in a cookie (server actions only). */
export async function saveDraft(draft: { id: string; step: number; data: SignupData }): Promise<string> {
  const jar = await cookies();
  const data = draft.data as object;
  const row = draft.id
    ? await systemDb.signupDraft.update({ where: { id: draft.id }, data: { step: draft.step, data } })
    : await systemDb.signupDraft.create({ data: { step: draft.step, data } });
  jar.set(SIGNUP_COOKIE, row.id, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 30 });
  return row.id;
}

export async function forgetDraft(): Promise<void> {
  (await cookies()).delete(SIGNUP_COOKIE);
}
