import { createSignInLink } from "@/lib/auth/sign-in-link";
import { logoUrlFor } from "@/lib/images/logo";
import { isUniqueViolation } from "@/lib/db/errors";
import { LEGAL_VERSIONS } from "@/lib/legal/documents";
import type { Locale } from "@/lib/i18n/locales";
import { givenAddress } from "@/lib/notifications/contacts";
import { notify } from "@/lib/notifications/notify";
import type { SignupData } from "@/lib/signup/schemas";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { invalidateTenant } from "@/lib/tenancy/resolve";
import { lockTownName, townNameTaken } from "@/lib/signup/town-name";
import { townOrigin } from "@/lib/tenancy/urls";
import { systemDb } from "@/lib/tenancy/system";

export class SlugTaken extends Error {}
/** Another town already has this name (in any case or spacing). */
export class NameTaken extends Error {}

type Complete = Required<Pick<SignupData, "municipality" | "subdomain" | "branding" | "categories" | "areas" | "admin">>;

export function isComplete(d: SignupData): d is SignupData & Complete {
  return !!(d.municipality && d.subdomain && d.branding && d.categories?.length && d.areas && d.admin);
}

/**
 * Creates the town from a finished sign-up, in one transaction: the town, its
 * categories and areas, its first administrator. The subdomain's unique
 * constraint decides a race: the loser gets SlugTaken; a name already used
 * by another town (compared without case and spacing, under a lock on that
 * name) gives NameTaken. The contact person's acceptance of the platform terms
 * and the data processing agreement is recorded with the versions accepted.
 * The administrator is mailed a welcome with a sign-in link that lands in the
 * town's settings, in the language they used the wizard in (`adminLocale`).
 */
export async function createTown(data: SignupData & Complete, draftId: string, { acceptedAt, adminLocale = data.branding.defaultLocale }: { acceptedAt: Date; adminLocale?: Locale }) {
  const { municipality: m, subdomain, branding, categories, areas, admin } = data;
  const slug = subdomain.slug;
  let tenant;
  try {
    tenant = await systemDb.$transaction(async (tx) => {
      await lockTownName(m.name, tx);
      if (await townNameTaken(m.name, tx)) throw new NameTaken();
      const t = await tx.tenant.create({
        data: {
          slug, name: m.name, country: m.country, timeZone: m.timeZone, population: m.population,
          primaryColor: branding.primaryColor, phone: branding.phone, email: branding.email,
          locales: branding.locales, defaultLocale: branding.defaultLocale,
          ...(branding.logo ? { logo: Buffer.from(branding.logo.base64, "base64"), logoType: branding.logo.type, logoUrl: logoUrlFor(acceptedAt) } : {}),
        },
      });
      await tx.category.createMany({ data: categories.map((c, position) => ({ tenantId: t.id, key: c.key, labels: c.labels, position })) });
      if (areas.length) await tx.area.createMany({ data: areas.map((a) => ({ tenantId: t.id, ...a })), skipDuplicates: true });
      const user = await tx.user.upsert({ where: { email: admin.adminEmail }, update: {}, create: { email: admin.adminEmail, name: admin.adminName } });
      await tx.membership.create({ data: { tenantId: t.id, userId: user.id, role: "ADMIN" } });
      await tx.termsAcceptance.createMany({
        data: (["TERMS", "DPA"] as const).map((document) => ({
          tenantId: t.id, document, version: LEGAL_VERSIONS[document], acceptedAt,
          acceptedByName: m.contactName, acceptedByEmail: m.contactEmail,
        })),
      });
      await tx.signupDraft.update({ where: { id: draftId }, data: { tenantId: t.id } });
      return t;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new SlugTaken();
    throw error;
  }
  invalidateTenant({ slug });
  const site = townOrigin(slug);
  const link = await createSignInLink({ email: admin.adminEmail, slug, callbackPath: "/settings", validHours: 72 });
  await notify(forTenant(tenant.id), tenant, { to: givenAddress(admin.adminEmail), template: "wizard-welcome", locale: adminLocale, data: { url: site, signInUrl: link } });
  return tenant;
}
