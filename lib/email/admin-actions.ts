"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePlatformAdmin } from "@/lib/auth/platform";
import { retryFailed } from "@/lib/email/dispatch";

export async function retryEmailAction(formData: FormData): Promise<void> {
  await requirePlatformAdmin();
  const parsed = z.object({ id: z.string().min(1).max(40) }).safeParse({ id: formData.get("id") });
  if (!parsed.success) return;
  await retryFailed(parsed.data.id);
  revalidatePath("/admin/email");
}
