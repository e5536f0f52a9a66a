import { z } from "zod";
import { writeAudit } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { LOCALES } from "@/lib/i18n/locales";
import { normalizePhone } from "@/lib/phone/normalize";
import { brandReadable } from "@/lib/signup/contrast";
import { invalidateTenant } from "@/lib/tenancy/resolve";

export const townSettingsSchema = z
  .object({
    name: z.string({ error: "required" }).trim().min(2, "tooShort").max(80, "tooLong"),
    primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, "invalidColour").transform((c) => c.toLowerCase()),
    phone: z.string({ error: "required" }).transform((s, ctx) => {
      const n = normalizePhone(s);
      if (!n) ctx.addIssue({ code: "custom", message: s.trim() ? "invalidPhone" : "required" });
      return n ?? "";
    }),
    email: z.string().trim().toLowerCase().optional().transform((s) => s || undefined).pipe(z.email("invalidEmail").max(254, "tooLong").optional()),
    locales: z.array(z.enum(LOCALES, { error: "invalidChoice" })).min(1, "chooseOne"),
    defaultLocale: z.enum(LOCALES, { error: "invalidChoice" }),
    mode: z.enum(["DORMANT", "ACTIVE", "CRISIS"], { error: "invalidChoice" }),
    responseCap: z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(1, "invalidNumber").max(50, "invalidNumber"),
    retentionDays: z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(7, "invalidNumber").max(3650, "invalidNumber"),
    emailsPerDay: z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(1, "invalidNumber").max(20, "invalidNumber"),
  })
  .refine((s) => brandReadable(s.primaryColor), { path: ["primaryColor"], message: "lowContrast" })
  .refine((s) => s.locales.includes(s.defaultLocale), { path: ["defaultLocale"], message: "defaultNotEnabled" });

export type TownSettings = z.infer<typeof townSettingsSchema>;

/** A town admin changes the town's settings; the cached tenant is refreshed at once. */
export async function updateTownSettings(tenant: { id: string; slug: string }, actorId: string, input: TownSettings) {
  await prisma.$transaction(async (tx) => {
    await tx.tenant.update({ where: { id: tenant.id }, data: input });
  });
  await writeAudit(tenant, { actorId, action: "settings.update", subjectType: "Tenant", subjectId: tenant.id, details: { mode: input.mode } });
  invalidateTenant(tenant);
}

export async function townSettings(tenant: { id: string }) {
  return prisma.tenant.findUniqueOrThrow({
    where: { id: tenant.id },
    select: {
      name: true, primaryColor: true, phone: true, email: true, locales: true, defaultLocale: true, mode: true,
      responseCap: true, retentionDays: true, emailsPerDay: true, plan: true, billingStatus: true, trialEndsAt: true,
      currentPeriodEnd: true, graceEndsAt: true, population: true,
      domains: { select: { host: true, verificationToken: true, verifiedAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
}
