import { SignInPanel } from "@/components/sign-in-panel";
import { currentSession } from "@/lib/auth/session";

export default async function ApexSignIn({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const [{ error }, session] = await Promise.all([searchParams, currentSession()]);
  const signedIn = session?.user ? { platformAdmin: Boolean(session.user.isPlatformAdmin), roles: [] } : null;
  return <SignInPanel signedIn={signedIn} error={error} />;
}
