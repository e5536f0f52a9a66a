import pg from "pg";
import { vi } from "vitest";

/** The SQL `fn` sends to PostgreSQL, as seen by the `pg` driver (every pooled connection). */
export async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(pg.Client.prototype, "query");
  try {
    await fn();
    return spy.mock.calls.map(([q]) => (typeof q === "string" ? q : (q as { text: string }).text));
  } finally {
    spy.mockRestore();
  }
}
