/** A GET search box (?q=) for staff lists; works without JavaScript. */
export function SearchForm({ label, button, value }: { label: string; button: string; value?: string }) {
  return (
    <form method="get" role="search" className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1 font-semibold">
        {label}
        <input name="q" type="search" defaultValue={value} className="rounded border-2 border-zinc-700 px-2 py-1" />
      </label>
      <button type="submit" className="rounded bg-brand px-4 py-2 font-bold text-white">{button}</button>
    </form>
  );
}
