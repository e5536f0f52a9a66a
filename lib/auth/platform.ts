import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";

/** Platform admin pages (apex /admin): 404 for everyone else, so they reveal nothing. */
export async function requirePlatformAdmin(): Promise<{ userId: string }> {
  const session = await auth();
  if (!session?.user) redirect("/sign-in");
  if (!session.user.isPlatformAdmin) notFound();
  return { userId: session.user.id };
}
