import { describe, expect, it } from "vitest";
import { freshShared } from "@/lib/db/fresh-shared";

/** A read whose calls finish when the test says so; each returns its own call number. */
function controlledRead() {
  const calls: { key: string; finish: () => void; fail: (e: Error) => void }[] = [];
  const read = (key: string) => new Promise<number>((resolve, reject) => {
    const n = calls.length + 1;
    calls.push({ key, finish: () => resolve(n), fail: reject });
  });
  return { read, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("freshShared", () => {
  it("gives callers who arrive during a read the next read, shared, never the running one", async () => {
    const { read, calls } = controlledRead();
    const get = freshShared(read);
    const first = get("a");
    const [second, third] = [get("a"), get("a")]; // arrive while read 1 runs
    expect(calls).toHaveLength(1);
    calls[0].finish();
    expect(await first).toBe(1);
    await tick();
    expect(calls).toHaveLength(2); // read 2 started only after read 1 ended
    const fourth = get("a"); // arrives while read 2 runs: waits for read 3
    calls[1].finish();
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    await tick();
    calls[2].finish();
    expect(await fourth).toBe(3);
    expect(calls).toHaveLength(3);
  });

  it("keeps keys apart and recovers from a failed read", async () => {
    const { read, calls } = controlledRead();
    const get = freshShared(read);
    const a = get("a");
    const b = get("b");
    expect(calls.map((c) => c.key)).toEqual(["a", "b"]);
    const again = get("a");
    calls[0].fail(new Error("database down"));
    await expect(a).rejects.toThrow("database down");
    await tick();
    calls[2].finish();
    expect(await again).toBe(3);
    calls[1].finish();
    expect(await b).toBe(2);
    const later = get("a");
    await tick();
    calls[3].finish();
    expect(await later).toBe(4);
  });
});
