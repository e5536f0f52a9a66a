import type { TemplateData, TemplateName } from "@/lib/email/templates";
import type { SmsTemplate } from "@/lib/notifications/sms";

/**
 * The templates that also exist as a text message (same name and data as the
 * e-mail, see lib/email/templates.ts). A template without an entry here is
 * never sent by SMS: a text is for what is short and worth a phone's buzz.
 */
export const SMS_TEMPLATES: { [N in TemplateName]?: SmsTemplate<TemplateData<N>> } = {
  // A resident without internet: the reference and the number to call, nothing to click.
  "request-received": (t, b, d, f) => ({ text: t("sms.requestReceived", { reference: d.reference, phone: b.phone ? f.phone(b.phone) : "" }), link: "" }),
  "request-matched": (t, _b, d) => ({ text: t(d.callToday ? "sms.requestMatchedToday" : "sms.requestMatched", { volunteer: d.volunteerName, reference: d.reference }), link: "" }),
};
