import { PlatformDocument, platformDocumentMetadata } from "@/components/legal/platform-document";

export const generateMetadata = () => platformDocumentMetadata("terms");

export default function PlatformTerms() {
  return <PlatformDocument kind="terms" />;
}
