import { PlatformDocument } from "@/components/legal/platform-document";

export default function PlatformTerms() {
  return <PlatformDocument kind="terms" />;
}
