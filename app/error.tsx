"use client";

import { ErrorPanel } from "@/components/errors/error-panel";

// Errors outside a town's pages (the apex site, or a town's layout itself).
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto flex max-w-2xl flex-col gap-4 p-8" style={{ "--brand": "#1d4ed8" } as React.CSSProperties}>
      <ErrorPanel digest={error.digest} reset={reset} />
    </main>
  );
}
