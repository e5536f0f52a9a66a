import { systemDb } from "@/lib/tenancy/system";

/** The number answered STOP: from now on no town texts it (notify() records OPTED_OUT). */
export async function optOut(phone: string): Promise<void> {
  await systemDb.smsOptOut.upsert({ where: { phone }, create: { phone }, update: {} });
}

/** The number answered START: texts may reach it again. */
export async function optIn(phone: string): Promise<void> {
  await systemDb.smsOptOut.deleteMany({ where: { phone } });
}

export async function isOptedOut(phone: string): Promise<boolean> {
  return (await systemDb.smsOptOut.count({ where: { phone } })) > 0;
}
