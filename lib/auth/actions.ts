"use server";

import { AuthError } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { clientIp, withinLimits } from "@/lib/abuse/rate-limit";
import { signIn, signOut } from "@/lib/auth/auth";
import { signInSchema } from "@/lib/auth/schemas";
import { assertForm } from "@/lib/forms/bound";
import { requestLog } from "@/lib/log/request";
import { currentSite, siteId } from "@/lib/tenancy/site";

export type SignInState = { email: string; error?: "invalidEmail" | "failed" | "rateLimited" };

/**
 * Sends a magic link for the site it is called on; keeps what was typed on
 * error. Limits count per town (however its host was typed) and per client
 * address. A blocked account is answered as any other address: the form
 * tells nobody which addresses exist or are blocked.
 */
export async function requestMagicLink(_prev: SignInState, formData: FormData): Promise<SignInState> {
  assertForm(formData);
  const site = await currentSite();
  if (!site) notFound();
  const email = String(formData.get("email") ?? "").trim().slice(0, 300);
  const parsed = signInSchema.safeParse({ email });
  if (!parsed.success) return { email, error: "invalidEmail" };
  const address = parsed.data.email.toLowerCase();
  if (!(await withinLimits([["magicLinkPerEmail", `${siteId(site)}:${address}`], ["magicLinkPerIp", await clientIp()]]))) {
    return { email, error: "rateLimited" };
  }
  try {
    await signIn("email", { email: address, redirect: false, redirectTo: "/sign-in" });
  } catch (error) {
    // The signIn callback refuses blocked accounts: no mail, the same answer.
    if (!(error instanceof AuthError && error.type === "AccessDenied")) {
      (await requestLog()).error({ err: error }, "sign-in link could not be sent");
      return { email, error: "failed" };
    }
  }
  redirect("/sign-in/check-email");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
