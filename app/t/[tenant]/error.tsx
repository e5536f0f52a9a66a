"use client";

import { ErrorPanel } from "@/components/errors/error-panel";

// Inside the town's layout: its header, colour and footer stay around the message.
export default function TownError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel digest={error.digest} reset={reset} />;
}
