"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/fields";
import { addDomainAction, removeDomainAction, verifyDomainAction } from "@/lib/domains/actions";
import { challengeName, challengeValue, MAX_DOMAINS } from "@/lib/domains/rules";
import { emptyForm, type FormState } from "@/lib/forms/state";

type DomainRow = { host: string; verificationToken: string; verifiedAt: Date | null };

/** Town settings: the town's own web addresses, how to prove each one, and a form to add another. */
export function DomainForm({ domains }: { domains: DomainRow[] }) {
  const t = useTranslations("domains");
  return (
    <section aria-labelledby="domains-title" className="flex flex-col gap-4">
      <h2 id="domains-title" className="text-2xl font-bold">{t("title")}</h2>
      <p>{t("intro")}</p>
      {domains.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {domains.map((d) => <DomainItem key={d.host} domain={d} />)}
        </ul>
      )}
      {domains.length < MAX_DOMAINS ? <AddDomainForm /> : <p>{t("limitReached", { max: MAX_DOMAINS })}</p>}
    </section>
  );
}

function DomainItem({ domain }: { domain: DomainRow }) {
  const t = useTranslations("domains");
  const format = useFormatter();
  const [verifyState, verify, verifying] = useActionState(verifyDomainAction.bind(null, domain.host), emptyForm);
  const [, remove, removing] = useActionState(removeDomainAction.bind(null, domain.host), emptyForm);
  // The visible label stays first (voice control); the host tells screen readers which row a button acts on.
  const forHost = <span className="sr-only"> {domain.host}</span>;
  return (
    <li className="flex flex-col gap-3 rounded border-2 border-zinc-300 bg-white p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h3 className="text-xl font-bold break-all">{domain.host}</h3>
        {domain.verifiedAt ? (
          <p className="rounded bg-green-100 px-2 py-1 font-semibold text-green-900">
            {t("verifiedOn", { date: format.dateTime(domain.verifiedAt, { dateStyle: "medium" }) })}
          </p>
        ) : (
          <p className="rounded bg-amber-100 px-2 py-1 font-semibold text-amber-900">{t("waiting")}</p>
        )}
      </div>
      {domain.verifiedAt ? (
        <p>{t("verifiedHint")}</p>
      ) : (
        <>
          <p>{t("recordIntro")}</p>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{t("recordType")}</dt>
            <dd><code className="rounded bg-zinc-100 px-1 select-all">TXT</code></dd>
            <dt className="font-semibold">{t("recordName")}</dt>
            <dd><code className="rounded bg-zinc-100 px-1 break-all select-all">{challengeName(domain.host)}</code></dd>
            <dt className="font-semibold">{t("recordValue")}</dt>
            <dd><code className="rounded bg-zinc-100 px-1 break-all select-all">{challengeValue(domain.verificationToken)}</code></dd>
          </dl>
          <p className="text-zinc-700">{t("recordHint")}</p>
          <form action={verify} className="flex flex-col gap-2">
            {verifyState.formError && (
              <p role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
                {t(`errors.${verifyState.formError}` as "errors.domainNotVerified")}
              </p>
            )}
            <SubmitButton pending={verifying}>{verifying ? t("checking") : t("check")}{forHost}</SubmitButton>
          </form>
        </>
      )}
      <form action={remove} onSubmit={(e) => { if (!window.confirm(t("removeConfirm", { host: domain.host }))) e.preventDefault(); }}>
        <button type="submit" disabled={removing} className="rounded border-2 border-red-800 bg-white px-3 py-1 font-semibold text-red-800 disabled:opacity-60">
          {t("remove")}{forHost}
        </button>
      </form>
    </li>
  );
}

function AddDomainForm() {
  const t = useTranslations("domains");
  const [state, run, pending] = useActionState<FormState, FormData>(addDomainAction, emptyForm);
  const error = state.errors.host;
  return (
    <form action={run} noValidate className="flex max-w-2xl flex-col gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="domain-host" className="font-semibold">{t("hostLabel")}</label>
        <p id="domain-host-hint" className="text-zinc-700">{t("hostHint")}</p>
        <input
          id="domain-host" name="host" type="text" inputMode="url" autoComplete="off" spellCheck={false} required
          defaultValue={state.values.host} aria-invalid={!!error}
          aria-describedby={error ? "domain-host-hint domain-host-error" : "domain-host-hint"}
          className="w-full rounded border-2 border-zinc-700 bg-white px-3 py-2 text-lg aria-invalid:border-red-700"
        />
        {error && (
          <p id="domain-host-error" role="alert" className="font-semibold text-red-800">
            {t(`errors.${error}` as "errors.invalidDomain")}
          </p>
        )}
      </div>
      <SubmitButton pending={pending}>{t("add")}</SubmitButton>
    </form>
  );
}
