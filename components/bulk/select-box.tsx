import { BULK_FORMS } from "@/lib/bulk/schemas";

/** A row's checkbox for a bulk bar; it belongs to the bar's form by its `form` attribute, wherever the table is. */
export function SelectBox({ kind, id, label }: { kind: keyof typeof BULK_FORMS; id: string; label: string }) {
  return <input type="checkbox" name="ids" value={id} form={BULK_FORMS[kind]} aria-label={label} className="h-5 w-5" />;
}
