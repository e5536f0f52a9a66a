import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { devMailboxEnabled, listDevMailbox } from "@/lib/email/deliver";
import { stripControl } from "@/lib/forms/text";

// Only exists outside production while no e-mail provider is configured (the demo, development).
export default async function DevMailbox({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  if (!devMailboxEnabled()) notFound();
  const t = await getTranslations("mailbox");
  const { to: address } = await searchParams;
  // A query string may repeat the parameter or carry NUL, which PostgreSQL refuses.
  const to = typeof address === "string" ? stripControl(address) : undefined;
  const [messages, format] = await Promise.all([listDevMailbox({ to, take: 50 }), getFormatter()]);
  return (
    <section aria-labelledby="mailbox" className="flex flex-col gap-4">
      <h1 id="mailbox" className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {messages.length === 0 && <p>{t("empty")}</p>}
      {messages.map((m) => (
        <article key={m.id} className="rounded bg-white p-4 shadow-sm" data-testid="mail">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3">
            <dt className="font-semibold">{t("to")}</dt>
            <dd data-testid="mail-to">{m.to}</dd>
            <dt className="font-semibold">{t("subject")}</dt>
            <dd>{m.subject}</dd>
            <dt className="font-semibold">{t("received")}</dt>
            <dd>{format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</dd>
          </dl>
          <pre className="mt-3 whitespace-pre-wrap break-all text-sm" data-testid="mail-text">{m.text}</pre>
        </article>
      ))}
    </section>
  );
}
