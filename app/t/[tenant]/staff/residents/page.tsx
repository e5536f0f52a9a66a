import { getTranslations } from "next-intl/server";
import { ResidentRights } from "@/components/residents/resident-rights";
import { COORDINATOR_ROLES, requireRole } from "@/lib/auth/guard";
import { currentTenant } from "@/lib/tenancy/current";


/** Residents have no account: their requests to see or erase their data reach the town by phone. */
export default async function ResidentDataRights() {
  const tenant = await currentTenant();
  await requireRole(tenant, COORDINATOR_ROLES);
  const t = await getTranslations("residents");
  return (
    <section aria-labelledby="residents" className="flex flex-col gap-4">
      <h1 id="residents" className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <ol className="list-decimal pl-6">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
        <li>{t("step3")}</li>
      </ol>
      <ResidentRights />
    </section>
  );
}
