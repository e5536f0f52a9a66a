"use server";

import { revalidatePath } from "next/cache";
import { requirePlatformAdmin } from "@/lib/auth/platform";
import { retryFailed } from "@/lib/email/dispatch";
import { retryEmailSchema } from "@/lib/email/schemas";
import { assertForm } from "@/lib/forms/bound";

export async function retryEmailAction(formData: FormData): Promise<void> {
  assertForm(formData);
  await requirePlatformAdmin();
  const parsed = retryEmailSchema.safeParse({ id: formData.get("id") });
  if (!parsed.success) return;
  await retryFailed(parsed.data.id);
  revalidatePath("/admin/email");
}
