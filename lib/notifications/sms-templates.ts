import type { TemplateData, TemplateName } from "@/lib/email/templates";
import type { SmsTemplate } from "@/lib/notifications/sms";

/**
 * The templates that also exist as a text message (same name and data as the
 * e-mail, see lib/email/templates.ts). A template without an entry here is
 * never sent by SMS: a text is for what is short and worth a phone's buzz.
 */
export const SMS_TEMPLATES: { [N in TemplateName]?: SmsTemplate<TemplateData<N>> } = {
  // The code that confirms a volunteer's number (lib/sms/verification.ts): no link.
  "phone-verification": (t, _brand, d) => ({ text: t("email.phoneVerification.text", { code: d.code }), link: "" }),
  // A resident without internet: the reference and the number to call, nothing to click.
  "request-received": (t, b, d, f) => ({ text: t("sms.requestReceived", { reference: d.reference, phone: b.phone ? f.phone(b.phone) : "" }), link: "" }),
  "request-matched": (t, _b, d) => ({ text: t(d.callToday ? "sms.requestMatchedToday" : "sms.requestMatched", { volunteer: d.volunteerName, reference: d.reference }), link: "" }),
  // An alert: what and where, and the one-click link (22-character token, lib/alerts/token.ts).
  "request-alert": (t, _b, d) => ({ text: t("email.requestAlert.sms", { category: d.category, place: d.place }), link: d.url }),
};
