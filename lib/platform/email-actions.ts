"use server";

import { siteAction } from "@/lib/actions/pipeline";
import { retryFailed } from "@/lib/email/dispatch";
import { retryEmailSchema } from "@/lib/email/schemas";

export async function retryEmailAction(formData: FormData): Promise<void> {
  await siteAction(formData, { who: "platformAdmin", input: retryEmailSchema, revalidate: "/admin/email" }, async (_ctx, input) => {
    await retryFailed(input.id);
  });
}
