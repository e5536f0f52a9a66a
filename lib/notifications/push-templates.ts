import type { EmailBrand } from "@/emails/town-email";
import type { TemplateData, TemplateName } from "@/lib/email/templates";
import type { Translator } from "@/lib/email/translator";

/** A push notification: a title, one or two sentences, and the page a tap opens (on the town's site). */
export type PushMessage = { title: string; body: string; url: string };
export type PushTemplate<D> = (t: Translator, brand: EmailBrand, data: D) => PushMessage;

/**
 * The templates that also go to a volunteer's phone by web push (same name
 * and data as the e-mail, see lib/email/templates.ts); the words are the
 * e-mail's. A template without an entry here is never pushed.
 */
export const PUSH_TEMPLATES: { [N in TemplateName]?: PushTemplate<TemplateData<N>> } = {
  "crisis-call": (t, b, d) => ({ title: t("email.crisisCall.subject", { town: b.name }), body: t("email.crisisCall.confirm"), url: d.url }),
  "volunteer-digest": (t, b, d) => ({
    title: t("email.volunteerDigest.subject", { town: b.name, count: d.items.length }),
    body: t("email.volunteerDigest.preview", { count: d.items.length }),
    url: d.url,
  }),
  // A coordinator's message: the subject, the start of the text, and the volunteer page.
  "staff-message": (_t, _b, d) => ({ title: d.subject, body: d.body.length > 140 ? `${d.body.slice(0, 139)}…` : d.body, url: d.url }),
  // Tapping it opens the one-click link, like the e-mail's button.
  "request-alert": (t, b, d) => ({ title: t("email.requestAlert.subject", { category: d.category, place: d.place }), body: t("email.requestAlert.preview", { town: b.name }), url: d.url }),
};
