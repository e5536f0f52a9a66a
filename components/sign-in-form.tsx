"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestMagicLink, type SignInState } from "@/lib/sign-in/actions";

export function SignInForm() {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<SignInState, FormData>(requestMagicLink, { email: "" });
  const errorId = "email-error";
  return (
    <form action={action} noValidate className="flex max-w-md flex-col gap-3">
      <label htmlFor="email" className="font-semibold">{t("emailLabel")}</label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.email}
        key={state.email}
        aria-invalid={state.error === "invalidEmail"}
        aria-describedby={state.error ? errorId : undefined}
        className="rounded border-2 border-zinc-700 px-3 py-2 text-lg aria-invalid:border-red-700"
      />
      {state.error && (
        <p id={errorId} role="alert" className="font-semibold text-red-800">{t(state.error)}</p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded bg-brand px-4 py-2 text-lg font-bold text-white disabled:opacity-60"
      >
        {t("submit")}
      </button>
    </form>
  );
}
