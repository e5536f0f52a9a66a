import type { ReactNode } from "react";

/**
 * The staff and admin tables: scrolls sideways on small screens, one header
 * row of column headings (scope="col" for screen readers), rows as children.
 */
export function DataTable({ columns, testId, card = false, children }: { columns: ReactNode[]; testId: string; card?: boolean; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className={`w-full border-collapse text-left${card ? " bg-white shadow-sm" : ""}`} data-testid={testId}>
        <thead>
          <tr className="border-b-2 border-zinc-700">
            {columns.map((c, i) => <th key={i} scope="col" className="p-2">{c}</th>)}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
