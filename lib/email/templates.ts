import { z } from "zod";
import type { EmailBrand, EmailContent } from "@/emails/town-email";
import type { EmailFormat, Translator } from "@/lib/email/translator";
import { whatsappLink } from "@/lib/phone/normalize";
import { describeWhen, type When } from "@/lib/when/when";
import { DAYS, PARTS } from "@/lib/when/slots";
import { BILLING_SUSPENSION_REASON } from "@/lib/tenancy/suspension";

/** `brand.phone` comes formatted for the town's country; `f` formats numbers, dates and phone numbers. */
type Build<D> = (t: Translator, brand: EmailBrand, data: D, f: EmailFormat) => Omit<EmailContent, "footer">;
type Template<S extends z.ZodType> = { schema: S; sample: z.infer<S>; build: Build<z.infer<S>> };
const template = <S extends z.ZodType>(t: Template<S>) => t;

const ROLES = ["ADMIN", "COORDINATOR", "STAFF", "ORGANISATION", "VOLUNTEER", "SAFEGUARDING"] as const;
const url = z.url();
const when = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ASAP") }),
  z.object({ kind: z.literal("DATE"), date: z.iso.date(), part: z.enum(PARTS).nullable() }),
  z.object({ kind: z.literal("WEEKDAY"), weekday: z.enum(DAYS), part: z.enum(PARTS).nullable() }),
]) satisfies z.ZodType<When>;

/**
 * Every e-mail Helpt sends. Outbox rows name a template and carry its data as
 * JSON; the schema is checked again at send time, so one bad row fails alone.
 */
export const TEMPLATES = {
  "magic-link": template({
    schema: z.object({ url, minutes: z.number().int().positive() }),
    sample: { url: "https://leuven.helpt.be/api/auth/callback/email?token=sample", minutes: 15 },
    build: (t, b, d) => ({
      subject: t("email.magicLink.subject", { town: b.name }),
      preview: t("email.magicLink.preview", { town: b.name }),
      paragraphs: [t("email.magicLink.intro", { town: b.name }), t("email.magicLink.expiry", { minutes: d.minutes }), t("email.magicLink.ignore")],
      button: { label: t("email.magicLink.button"), url: d.url },
    }),
  }),
  "request-received": template({
    // receivedAt: absent in rows queued before it was added.
    // concernUrl: the resident's private link to raise a concern (lib/concerns); absent in older rows.
    schema: z.object({ reference: z.string(), receivedAt: z.iso.datetime().optional(), concernUrl: url.optional() }),
    sample: { reference: "K7QM-3XDP", receivedAt: "2026-11-30T03:09:00.000Z", concernUrl: "https://leuven.helpt.be/concern/sample" },
    build: (t, b, d, f) => ({
      subject: t("email.requestReceived.subject", { town: b.name, reference: d.reference }),
      preview: t("email.requestReceived.preview", { reference: d.reference }),
      paragraphs: [
        t("email.requestReceived.intro", { town: b.name }), t("email.requestReceived.reference", { reference: d.reference }),
        ...(d.receivedAt ? [t("email.requestReceived.receivedAt", { date: f.dateTime(new Date(d.receivedAt), { dateStyle: "long", timeStyle: "short" }) })] : []),
        t("email.requestReceived.next"), t("email.requestReceived.call", { phone: b.phone ?? "" }),
        ...(d.concernUrl ? [t("email.requestReceived.concern", { url: d.concernUrl })] : []),
      ],
    }),
  }),
  "request-published": template({
    schema: z.object({ reference: z.string() }),
    sample: { reference: "K7QM-3XDP" },
    build: (t, b, d) => ({
      subject: t("email.requestPublished.subject", { reference: d.reference }),
      preview: t("email.requestPublished.preview"),
      paragraphs: [t("email.requestPublished.intro", { town: b.name }), t("email.requestPublished.next"), t("email.requestReceived.call", { phone: b.phone ?? "" })],
    }),
  }),
  "request-matched": template({
    // callToday: the town is in crisis mode, where volunteers call the same day (the text message says so).
    schema: z.object({ reference: z.string(), volunteerName: z.string(), callToday: z.boolean().optional() }),
    sample: { reference: "K7QM-3XDP", volunteerName: "Lotte" },
    build: (t, b, d) => ({
      subject: t("email.requestMatched.subject", { reference: d.reference }),
      preview: t("email.requestMatched.preview", { volunteer: d.volunteerName }),
      paragraphs: [t("email.requestMatched.intro", { volunteer: d.volunteerName }), t("email.requestMatched.safety"), t("email.requestReceived.call", { phone: b.phone ?? "" })],
    }),
  }),
  "request-done": template({
    schema: z.object({ reference: z.string() }),
    sample: { reference: "K7QM-3XDP" },
    build: (t, b, d) => ({
      subject: t("email.requestDone.subject", { reference: d.reference }),
      preview: t("email.requestDone.preview"),
      paragraphs: [t("email.requestDone.intro"), t("email.requestDone.again", { phone: b.phone ?? "" })],
    }),
  }),
  "volunteer-digest": template({
    schema: z.object({ items: z.array(z.string()).min(1), url }),
    sample: { items: ["Groceries · Centrum · Tuesday morning", "Phone chat · Heverlee · this week"], url: "https://leuven.helpt.be/requests" },
    build: (t, b, d) => ({
      subject: t("email.volunteerDigest.subject", { town: b.name, count: d.items.length }),
      preview: t("email.volunteerDigest.preview", { count: d.items.length }),
      paragraphs: [t("email.volunteerDigest.intro", { count: d.items.length })],
      items: d.items,
      button: { label: t("email.volunteerDigest.button"), url: d.url },
    }),
  }),
  "volunteer-assigned": template({
    schema: z.object({
      reference: z.string(), residentName: z.string(), residentPhone: z.string().optional(), residentAddress: z.string().optional(),
      // when: told in the volunteer's language at send time; timeWindow: the resident's own note. Older rows carry only the text.
      when: when.optional(), weekly: z.boolean().optional(), timeWindow: z.string(), need: z.string(), contactless: z.boolean(),
    }),
    sample: { reference: "K7QM-3XDP", residentName: "Maria Peeters", residentPhone: "+32470123456", residentAddress: "Kerkstraat 1, 3000 Leuven", when: { kind: "WEEKDAY", weekday: "TUE", part: "MORNING" }, weekly: true, timeWindow: "After 10 o'clock", need: "Groceries", contactless: true },
    build: (t, b, d, f) => ({
      subject: t("email.volunteerAssigned.subject", { reference: d.reference }),
      preview: t("email.volunteerAssigned.preview", { resident: d.residentName }),
      paragraphs: [
        t("email.volunteerAssigned.intro", { town: b.name }),
        ...(d.contactless ? [t("email.volunteerAssigned.contactless")] : []),
        t("email.volunteerAssigned.privacy"),
      ],
      details: [
        [t("email.volunteerAssigned.name"), d.residentName],
        ...(d.residentPhone ? [[t("email.volunteerAssigned.phone"), f.phone(d.residentPhone)] as [string, string]] : []),
        ...(d.residentAddress ? [[t("email.volunteerAssigned.address"), d.residentAddress] as [string, string]] : []),
        [t("email.volunteerAssigned.when"), [d.when && describeWhen(d.when, f.locale, (k, v) => t(`when.${k}`, v), d.weekly), d.timeWindow].filter(Boolean).join(" · ")],
        [t("email.volunteerAssigned.need"), d.need],
      ],
      links: d.residentPhone
        ? [{ label: t("email.volunteerAssigned.call"), url: `tel:${d.residentPhone}` }, { label: t("email.volunteerAssigned.whatsapp"), url: whatsappLink(d.residentPhone) }]
        : undefined,
    }),
  }),
  "volunteer-released": template({
    schema: z.object({ url }),
    sample: { url: "https://leuven.helpt.be/requests" },
    build: (t, b, d) => ({
      subject: t("email.volunteerReleased.subject", { town: b.name }),
      preview: t("email.volunteerReleased.preview"),
      paragraphs: [t("email.volunteerReleased.intro"), t("email.volunteerReleased.others")],
      button: { label: t("email.volunteerReleased.button"), url: d.url },
    }),
  }),
  "crisis-call": template({
    schema: z.object({ url }),
    sample: { url: "https://leuven.helpt.be/volunteer" },
    build: (t, b, d) => ({
      subject: t("email.crisisCall.subject", { town: b.name }),
      preview: t("email.crisisCall.preview"),
      paragraphs: [t("email.crisisCall.intro", { town: b.name }), t("email.crisisCall.confirm")],
      button: { label: t("email.crisisCall.button"), url: d.url },
    }),
  }),
  "request-alert": template({
    // when: told in the volunteer's language at send time; url: the one-click "I can help" link (lib/alerts/token.ts).
    schema: z.object({ summary: z.string(), category: z.string(), place: z.string(), when, weekly: z.boolean(), url }),
    sample: { summary: "Groceries for an elderly lady, once a week", category: "Groceries", place: "Heverlee", when: { kind: "WEEKDAY", weekday: "TUE", part: "MORNING" }, weekly: true, url: "https://leuven.helpt.be/a/AbCdEfGhIjKlMnOpQrStUv" },
    build: (t, b, d, f) => ({
      subject: t("email.requestAlert.subject", { category: d.category, place: d.place }),
      preview: t("email.requestAlert.preview", { town: b.name }),
      paragraphs: [t("email.requestAlert.intro", { town: b.name }), ...(d.summary ? [d.summary] : []), t("email.requestAlert.noPassword")],
      details: [
        [t("email.requestAlert.what"), d.category],
        [t("email.requestAlert.where"), d.place],
        [t("email.requestAlert.when"), describeWhen(d.when, f.locale, (k, v) => t(`when.${k}`, v), d.weekly)],
      ],
      button: { label: t("email.requestAlert.button"), url: d.url },
    }),
  }),
  "volunteer-invitation": template({
    // An imported volunteer confirms here (lib/imports/invitation.ts); until then the town never alerts them.
    schema: z.object({ name: z.string(), url }),
    sample: { name: "Lotte Janssens", url: "https://leuven.helpt.be/invitation/sample" },
    build: (t, b, d) => ({
      subject: t("email.volunteerInvitation.subject", { town: b.name }),
      preview: t("email.volunteerInvitation.preview", { town: b.name }),
      paragraphs: [t("email.volunteerInvitation.intro", { name: d.name, town: b.name }), t("email.volunteerInvitation.consent"), t("email.volunteerInvitation.expiry")],
      button: { label: t("email.volunteerInvitation.button"), url: d.url },
    }),
  }),
  "staff-invitation": template({
    schema: z.object({ inviter: z.string(), role: z.enum(ROLES), url }),
    sample: { inviter: "An Admin", role: "COORDINATOR", url: "https://leuven.helpt.be/sign-in" },
    build: (t, b, d) => ({
      subject: t("email.staffInvitation.subject", { town: b.name }),
      preview: t("email.staffInvitation.preview", { town: b.name }),
      paragraphs: [t("email.staffInvitation.intro", { inviter: d.inviter, town: b.name, role: t(`roles.${d.role}`) })],
      button: { label: t("email.staffInvitation.button"), url: d.url },
    }),
  }),
  "partner-invitation": template({
    schema: z.object({ inviter: z.string(), organisation: z.string(), role: z.enum(["MANAGER", "REFERRER"]), url }),
    sample: { inviter: "An Admin", organisation: "OCMW Leuven", role: "MANAGER", url: "https://leuven.helpt.be/api/auth/callback/email?token=sample" },
    build: (t, b, d) => ({
      subject: t("email.partnerInvitation.subject", { organisation: d.organisation, town: b.name }),
      preview: t("email.partnerInvitation.preview", { town: b.name }),
      paragraphs: [
        t("email.partnerInvitation.intro", { inviter: d.inviter, organisation: d.organisation, town: b.name, role: t(`partners.roles.${d.role}`) }),
        t("email.partnerInvitation.expiry"),
      ],
      button: { label: t("email.partnerInvitation.button"), url: d.url },
    }),
  }),
  "wizard-welcome": template({
    schema: z.object({ url, signInUrl: url }),
    sample: { url: "https://leuven.helpt.be", signInUrl: "https://leuven.helpt.be/api/auth/callback/email?token=sample" },
    build: (t, b, d) => ({
      subject: t("email.wizardWelcome.subject", { town: b.name }),
      preview: t("email.wizardWelcome.preview", { town: b.name }),
      paragraphs: [t("email.wizardWelcome.intro", { town: b.name, url: d.url }), t("email.wizardWelcome.checklistTitle")],
      items: [t("email.wizardWelcome.step1"), t("email.wizardWelcome.step2"), t("email.wizardWelcome.step3")],
      button: { label: t("email.wizardWelcome.button"), url: d.signInUrl },
    }),
  }),
  "trial-ending": template({
    schema: z.object({ days: z.number().int().nonnegative(), url }),
    sample: { days: 3, url: "https://leuven.helpt.be/settings/billing" },
    build: (t, b, d) => ({
      subject: t("email.trialEnding.subject", { town: b.name, days: d.days }),
      preview: t("email.trialEnding.preview", { days: d.days }),
      paragraphs: [t("email.trialEnding.intro", { days: d.days, town: b.name })],
      button: { label: t("email.billingButton"), url: d.url },
    }),
  }),
  "payment-failed": template({
    schema: z.object({ url }),
    sample: { url: "https://leuven.helpt.be/settings/billing" },
    build: (t, b, d) => ({
      subject: t("email.paymentFailed.subject", { town: b.name }),
      preview: t("email.paymentFailed.preview"),
      paragraphs: [t("email.paymentFailed.intro", { town: b.name })],
      button: { label: t("email.billingButton"), url: d.url },
    }),
  }),
  suspended: template({
    schema: z.object({ reason: z.string().optional(), url }),
    sample: { reason: "Payment overdue", url: "https://leuven.helpt.be/settings/billing" },
    build: (t, b, d) => ({
      subject: t("email.suspended.subject", { town: b.name }),
      preview: t("email.suspended.preview", { town: b.name }),
      paragraphs: [
        t("email.suspended.intro", { town: b.name }),
        ...(d.reason === BILLING_SUSPENSION_REASON ? [t("suspended.billingReason")] : d.reason ? [t("email.suspended.reason", { reason: d.reason })] : []),
      ],
      button: { label: t("email.billingButton"), url: d.url },
    }),
  }),
  "concern-raised": template({
    // To a safeguarding lead (lib/concerns/raise.ts): only that there is a concern and where to read it, never its words.
    schema: z.object({ url }),
    sample: { url: "https://leuven.helpt.be/staff/concerns/sample" },
    build: (t, b, d) => ({
      subject: t("email.concernRaised.subject", { town: b.name }),
      preview: t("email.concernRaised.preview"),
      paragraphs: [t("email.concernRaised.intro", { town: b.name }), t("email.concernRaised.privacy")],
      button: { label: t("email.concernRaised.button"), url: d.url },
    }),
  }),
  "staff-message": template({
    // A coordinator's message to selected volunteers (lib/bulk/volunteers.ts): their words, then the way to the volunteer page.
    schema: z.object({ subject: z.string().min(1).max(150), body: z.string().min(1).max(2000), url }),
    sample: { subject: "Sandbags at the town hall tomorrow", body: "Dear volunteers,\n\nWe need ten people at 9 o'clock to fill sandbags.\n\nThank you!", url: "https://leuven.helpt.be/volunteer" },
    build: (t, b, d) => ({
      subject: d.subject,
      preview: t("email.staffMessage.preview", { town: b.name }),
      paragraphs: [t("email.staffMessage.intro", { town: b.name }), ...d.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)],
      button: { label: t("email.staffMessage.button"), url: d.url },
    }),
  }),
  "phone-verification": template({
    // Goes out as a text (SMS_TEMPLATES): notify() only sends it to a phone number. The e-mail form makes it a template like any other.
    schema: z.object({ code: z.string().regex(/^\d{6}$/) }),
    sample: { code: "482913" },
    build: (t, b, d) => ({
      subject: t("email.phoneVerification.subject", { town: b.name }),
      preview: t("email.phoneVerification.subject", { town: b.name }),
      paragraphs: [t("email.phoneVerification.text", { code: d.code })],
    }),
  }),
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export type TemplateData<N extends TemplateName> = z.infer<(typeof TEMPLATES)[N]["schema"]>;

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}
