import { notFound, redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/session";

/** Platform admin pages (apex /admin): 404 for everyone else, so they reveal nothing. */
export async function requirePlatformAdmin(): Promise<{ userId: string }> {
  const session = await currentSession();
  if (!session?.user) redirect("/sign-in");
  if (!session.user.isPlatformAdmin) notFound();
  return { userId: session.user.id };
}
