import type { Tenant as TenantRecord } from "@/generated/prisma/client";
import type { TenantContext } from "@/lib/tenancy/resolve";

/**
 * What a data function needs of the town it works in: always its id, plus the
 * fields named, e.g. `Tenant<"slug" | "defaultLocale">`. Pages and actions pass
 * their TenantContext.
 */
export type Tenant<K extends keyof TenantContext = never> = Pick<TenantContext, "id" | K>;

/** The same from a database row as read (the worker, sign-up): locales are plain strings there. */
export type TenantRow<K extends keyof TenantRecord = never> = Pick<TenantRecord, "id" | K>;
