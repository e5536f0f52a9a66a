import { SignInPanel } from "@/components/sign-in-panel";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { searchParams: Promise<{ error?: string }> };

export default async function TownSignIn({ searchParams }: Props) {
  const [tenant, { error }] = await Promise.all([currentTenant(), searchParams]);
  return <SignInPanel town={tenant} error={error} />;
}
