import { z } from "zod";
import { OrganisationKind, PartnerRole } from "@/generated/prisma/enums";
import { stripControl } from "@/lib/forms/text";
import { asCountry, COUNTRIES } from "@/lib/locale/country";
import { normalizePhone } from "@/lib/phone/normalize";

// Error messages are translation keys under `form.errors`.

export const ORGANISATION_KINDS = Object.values(OrganisationKind);
export const PARTNER_ROLES = Object.values(PartnerRole);

const email = z.string({ error: "required" }).trim().toLowerCase().pipe(z.email("invalidEmail").max(254, "tooLong"));
const name = (max: number) => z.string({ error: "required" }).overwrite(stripControl).trim().min(2, "tooShort").max(max, "tooLong");

/** The town's admin invites a partner: the organisation, what kind it is, and its first member (its manager). */
export const partnerInviteSchema = z.object({
  name: name(120),
  kind: z.enum(OrganisationKind, { error: "invalidChoice" }),
  email,
});

/** A partner's manager invites a colleague with a role there. */
export const colleagueInviteSchema = z.object({
  email,
  role: z.enum(PartnerRole, { error: "invalidChoice" }),
});

/**
 * Who joins, as the town will call them back about referrals: their name and
 * a phone number, read as people in the town's country write it (the action
 * adds the country; the form cannot choose it).
 */
export const joinSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const v = raw as { phone?: unknown; country?: string };
    if (typeof v.phone !== "string") return raw;
    const typed = stripControl(v.phone).trim();
    return { ...v, phone: (typed && normalizePhone(typed, asCountry(v.country))) || typed };
  },
  z.object({
    name: name(100),
    phone: z.string({ error: "required" }).min(1, "phoneRequired").refine((s) => s.startsWith("+") && normalizePhone(s) === s, "invalidPhone"),
    country: z.enum(COUNTRIES).default("BE"),
  }),
);
export type JoinInput = z.output<typeof joinSchema>;
