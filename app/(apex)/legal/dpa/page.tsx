import { PlatformDocument, platformDocumentMetadata } from "@/components/legal/platform-document";

export const generateMetadata = () => platformDocumentMetadata("dpa");

export default function ProcessingAgreement() {
  return <PlatformDocument kind="dpa" />;
}
