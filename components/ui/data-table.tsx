import type { ReactNode } from "react";

/**
 * A column heading: text, or text with alignment (numbers right), read only by
 * screen readers (an action column), or the order the rows are sorted by it.
 */
type ColumnSpec = { label: ReactNode; numeric?: boolean; srOnly?: boolean; sort?: "ascending" | "descending" | "none" };
export type Column = ReactNode | ColumnSpec;

const isColumnSpec = (c: Column): c is ColumnSpec =>
  typeof c === "object" && c !== null && "label" in c;

/**
 * Every staff and admin table. On a narrow screen the table scrolls sideways
 * inside its own labelled region (focusable, so keyboards can scroll it) and the
 * page itself never does; the caption names it for screen readers. The region is
 * positioned so that what is positioned inside it (screen-reader-only column
 * names) scrolls with it instead of widening the page.
 */
export function DataTable({ caption, columns, testId, card = false, children }: {
  caption: string; columns: Column[]; testId?: string; card?: boolean; children: ReactNode;
}) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="relative min-w-0 max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-900">
      <table className={`w-full border-collapse text-left${card ? " bg-white shadow-sm" : ""}`} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-zinc-700">
            {columns.map((c, i) => {
              const { label, numeric, srOnly, sort } = isColumnSpec(c) ? c : { label: c };
              return <th key={i} scope="col" aria-sort={sort} className={numeric ? "p-2 text-right" : "p-2"}>{srOnly ? <span className="sr-only">{label}</span> : label}</th>;
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** One row of a DataTable. */
export function Row({ children }: { children: ReactNode }) {
  return <tr className="border-b border-zinc-200 align-top">{children}</tr>;
}

/** One cell; `numeric` aligns right, `rowHeader` makes it the row's heading (scope="row"). */
export function Cell({ children, numeric, rowHeader, className }: { children: ReactNode; numeric?: boolean; rowHeader?: boolean; className?: string }) {
  const cls = ["p-2", numeric && "text-right", className].filter(Boolean).join(" ");
  return rowHeader ? <th scope="row" className={cls}>{children}</th> : <td className={cls}>{children}</td>;
}
