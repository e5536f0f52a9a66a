import { SignInPanel } from "@/components/sign-in-panel";

export default async function ApexSignIn({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return <SignInPanel error={error} />;
}
