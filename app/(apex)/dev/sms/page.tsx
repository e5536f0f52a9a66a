import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { listDevSmsInbox } from "@/lib/sms/dispatch";
import { devSmsInboxEnabled } from "@/lib/sms/provider";
import { stripControl } from "@/lib/forms/text";

// Only exists outside production while no SMS provider is configured (the demo, development), like /dev/mailbox.
export default async function DevSmsInbox({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  if (!devSmsInboxEnabled()) notFound();
  const t = await getTranslations("smsChannel.devInbox");
  const { to: number } = await searchParams;
  // A query string may repeat the parameter or carry NUL, which PostgreSQL refuses; "+" arrives as a space.
  const to = typeof number === "string" ? stripControl(number).trim().replace(/^(?=\d)/, "+") : undefined;
  const [messages, format] = await Promise.all([listDevSmsInbox({ to, take: 50 }), getFormatter()]);
  return (
    <section aria-labelledby="sms-inbox" className="flex flex-col gap-4">
      <h1 id="sms-inbox" className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {messages.length === 0 && <p>{t("empty")}</p>}
      {messages.map((m) => (
        <article key={m.id} className="rounded bg-white p-4 shadow-sm" data-testid="sms">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3">
            <dt className="font-semibold">{t("to")}</dt>
            <dd data-testid="sms-to">{m.to}</dd>
            <dt className="font-semibold">{t("town")}</dt>
            <dd>{m.tenant.slug}</dd>
            <dt className="font-semibold">{t("sent")}</dt>
            <dd>{m.sentAt ? format.dateTime(m.sentAt, { dateStyle: "medium", timeStyle: "medium" }) : ""}</dd>
          </dl>
          <p className="mt-3 whitespace-pre-wrap break-all text-sm" data-testid="sms-text">{m.body}</p>
        </article>
      ))}
    </section>
  );
}
