import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { BulkBar } from "@/components/bulk/bulk-bar";
import { SelectBox } from "@/components/bulk/select-box";
import { ExportLinks } from "@/components/export/export-links";
import { Pager, type Query } from "@/components/lists/list-controls";
import { Cell, DataTable, Row, type Column } from "@/components/ui/data-table";
import type { BulkState } from "@/lib/bulk/result";
import type { BULK_FORMS } from "@/lib/bulk/schemas";

type BulkAction = (prev: BulkState, formData: FormData) => Promise<BulkState>;

/** One row: its id (what the checkbox sends), what the checkbox is called for a screen reader, and its cells. */
export type BulkRow = { id: string; label: string; cells: ReactNode };

/**
 * A staff list that can be downloaded and acted on in bulk (the request
 * queue, the volunteers): how many rows it has, the download links with its
 * filters, the bulk bar and a checkbox per row for those who may act in bulk
 * (`action` null for the others), the table, and its pages.
 */
export async function BulkList({ kind, count, exportLink, action, caption, testId, columns, rows, pages }: {
  kind: keyof typeof BULK_FORMS;
  count: string;
  exportLink: { path: string; filter: Record<string, string | undefined> };
  action: BulkAction | null;
  caption: string;
  testId: string;
  columns: Column[];
  rows: BulkRow[];
  pages: { path: string; current: Query; next: string | null; prev: string | null };
}) {
  const t = await getTranslations("bulk");
  return (
    <>
      <p role="status">{count}</p>
      <ExportLinks path={exportLink.path} filter={exportLink.filter} />
      {action && <BulkBar kind={kind} action={action} pageIds={rows.map((r) => r.id)} />}
      {rows.length > 0 && (
        <DataTable caption={caption} testId={testId} card columns={[...(action ? [{ label: t("selectColumn"), srOnly: true }] : []), ...columns]}>
          {rows.map((r) => (
            <Row key={r.id}>
              {action && <Cell><SelectBox kind={kind} id={r.id} label={t("select", { label: r.label })} /></Cell>}
              {r.cells}
            </Row>
          ))}
        </DataTable>
      )}
      <Pager {...pages} />
    </>
  );
}
