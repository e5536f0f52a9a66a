import { PlatformDocument } from "@/components/legal/platform-document";

export default function ProcessingAgreement() {
  return <PlatformDocument kind="dpa" />;
}
