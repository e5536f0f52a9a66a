"use server";

import { revalidatePath } from "next/cache";
import { requirePlatformAdmin } from "@/lib/auth/platform";
import { retryFailed } from "@/lib/email/dispatch";
import { retryEmailSchema } from "@/lib/email/schemas";

export async function retryEmailAction(formData: FormData): Promise<void> {
  await requirePlatformAdmin();
  const parsed = retryEmailSchema.safeParse({ id: formData.get("id") });
  if (!parsed.success) return;
  await retryFailed(parsed.data.id);
  revalidatePath("/admin/email");
}
