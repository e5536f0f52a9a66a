import type { ReactNode } from "react";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { Swatch } from "./patterns";

export type ChartSeries<V> = { name: string; values: V[] };

export type ChartText = {
  /** The chart's heading, also its accessible name. */
  title: string;
  /** One sentence on what it shows (the SVG's description). */
  description: string;
  /** The summary that opens the table. */
  showTable: string;
  /** The heading of the table's first column (the day or week). */
  bucketHeading: string;
};

/**
 * A chart with what it shows in words: a heading, the drawing (an image named
 * by its title and description), a legend that names each series beside its
 * pattern, and the same figures as a table under a disclosure.
 */
export function ChartFigure<V>({ id, text, labels, series, format, line = false, children }: {
  id: string; text: ChartText; labels: string[]; series: ChartSeries<V>[]; format: (v: V) => string; line?: boolean; children: ReactNode;
}) {
  return (
    <figure className="m-0 flex min-w-0 flex-col gap-2 rounded bg-white p-4 shadow-sm" aria-labelledby={`${id}-h`} data-testid={`chart-${id}`}>
      <h3 id={`${id}-h`} className="text-lg font-bold">{text.title}</h3>
      {children}
      {series.length > 1 && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={text.title}>
          {series.map((s, i) => <li key={s.name} className="flex items-center gap-1"><Swatch chart={id} index={i} line={line} />{s.name}</li>)}
        </ul>
      )}
      <details>
        <summary className="cursor-pointer underline">{text.showTable}</summary>
        <DataTable caption={text.title} columns={[text.bucketHeading, ...series.map((s) => ({ label: s.name, numeric: true }))]} testId={`table-${id}`}>
          {labels.map((label, b) => (
            <Row key={b}><Cell rowHeader>{label}</Cell>{series.map((s) => <Cell key={s.name} numeric>{format(s.values[b])}</Cell>)}</Row>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}
