import { SignInPanel } from "@/components/sign-in-panel";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ error?: string }> };

export default async function TownSignIn({ params, searchParams }: Props) {
  const [tenant, { error }] = await Promise.all([currentTenant((await params).tenant), searchParams]);
  return <SignInPanel town={tenant} error={error} />;
}
