import { SignInPanel } from "@/components/sign-in-panel";
import { currentMember } from "@/lib/auth/guard";
import { currentSession } from "@/lib/auth/session";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { searchParams: Promise<{ error?: string }> };

export default async function TownSignIn({ searchParams }: Props) {
  const [tenant, { error }] = await Promise.all([currentTenant(), searchParams]);
  const session = await currentSession();
  const signedIn = session?.user ? { platformAdmin: Boolean(session.user.isPlatformAdmin), roles: (await currentMember(tenant))?.roles ?? [] } : null;
  return <SignInPanel town={tenant} signedIn={signedIn} error={error} />;
}
