"use server";

import { notFound } from "next/navigation";
import { benchEnabled } from "@/lib/env";
import { forTenant } from "@/lib/tenancy/for-tenant";

/**
 * Scenario 3's fair baseline (`npm run bench`): the rows a volunteer's
 * registration writes (membership, profile), inserted by a server action on
 * the same server through the same stack (proxy, action, Prisma, second
 * wall), without the session, rate limit, checks and redirect of the real one.
 * Action ids reach any page, so it refuses to run outside the bench.
 */
export async function benchSignupAction(_prev: string, form: FormData): Promise<string> {
  if (!benchEnabled()) notFound();
  const text = (k: string) => String(form.get(k) ?? "");
  const tenantId = text("tenantId");
  const userId = text("userId");
  await forTenant(tenantId).$transaction(async (tx) => {
    const membership = await tx.membership.create({ data: { tenantId, userId, role: "VOLUNTEER" }, select: { id: true } });
    await tx.volunteerProfile.create({
      data: {
        tenantId, userId, membershipId: membership.id, codeOfConductAt: new Date(), name: text("name"), phone: text("phone"), postcode: "1000",
        maxDistanceKm: 5, categoryIds: form.getAll("categoryIds").map(String), languages: ["nl", "en"], availability: ["TUE_MORNING", "SAT_AFTERNOON"],
        skills: [], latitude: Number(text("latitude")), longitude: Number(text("longitude")),
      },
    });
  });
  return "saved";
}
