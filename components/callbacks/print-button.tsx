"use client";

/** Opens the browser's print dialog; the page's print styles leave only the list. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="self-start rounded border-2 border-brand bg-white px-3 py-2 font-bold text-brand" data-print-hide>
      {label}
    </button>
  );
}
