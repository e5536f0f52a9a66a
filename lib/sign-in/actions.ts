"use server";

import { AuthError } from "next-auth";
import { clientIp, withinLimits } from "@/lib/abuse/rate-limit";
import { siteAction } from "@/lib/actions/pipeline";
import { signIn, signOut } from "@/lib/auth/auth";
import { signInSchema } from "@/lib/auth/schemas";
import { FormError } from "@/lib/forms/form-error";
import { requestLog } from "@/lib/log/request";
import { siteId } from "@/lib/tenancy/site";

export type SignInState = { email: string; error?: "invalidEmail" | "failed" | "rateLimited" | "unavailable" };

const typedEmail = (values: Record<string, string>) => (values.email ?? "").trim().slice(0, 300);

/**
 * Sends a magic link for the site it is called on; keeps what was typed on
 * error. Limits count per town (however its host was typed) and per client
 * address. A blocked account is answered as any other address: the form
 * tells nobody which addresses exist or are blocked.
 */
export async function requestMagicLink(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const state = await siteAction(formData, {
    who: "anyone",
    input: signInSchema,
    from: (_form, values) => ({ email: typedEmail(values) }),
  }, async ({ site }, input) => {
    const address = input.email.toLowerCase();
    if (!(await withinLimits([["magicLinkPerEmail", `${siteId(site)}:${address}`], ["magicLinkPerIp", await clientIp()]]))) {
      throw new FormError("rateLimited");
    }
    try {
      await signIn("email", { email: address, redirect: false, redirectTo: "/sign-in" });
    } catch (error) {
      // The signIn callback refuses blocked accounts: no mail, the same answer.
      if (!(error instanceof AuthError && error.type === "AccessDenied")) {
        (await requestLog()).error({ err: error }, "sign-in link could not be sent");
        throw new FormError("failed");
      }
    }
    return { redirect: "/sign-in/check-email" };
  });
  const error = Object.keys(state.errors).length ? "invalidEmail" : (state.formError as SignInState["error"]);
  return { email: typedEmail(state.values), error };
}

export async function signOutAction(formData: FormData): Promise<void> {
  await siteAction(formData, { who: "anyone" }, async () => {
    await signOut({ redirectTo: "/" });
  });
}
