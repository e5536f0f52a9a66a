import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Anything that informs a person goes through notify() (lib/notifications):
// only that folder may put a message in an outbox or record a decision.
// The worker's own bookkeeping on existing rows (sent, failed, digested,
// erased) is an update or a delete, not a new message.

const ROOT = path.resolve(import.meta.dirname, "../..");
const ALLOWED = /^lib\/notifications\//;
const WRITES = [
  /\b(outbox\w*|notification)\s*\.\s*(create|createMany|createManyAndReturn|upsert)\b/,
  /\bINSERT\s+INTO\s+"?(Outbox\w*|Notification)\b/i,
  /\b\w+Channel\s*\.\s*batch\s*\(/,
];

/** The lines of `source` that write an outbox or a notification record. */
function outboxWrites(source: string): string[] {
  return source.split("\n").filter((line) => WRITES.some((w) => w.test(line)));
}

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|mjs|js)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe("the outbox is written through notify() only", () => {
  it("no module outside lib/notifications writes it", () => {
    const offenders = ["app", "bench", "components", "emails", "i18n", "lib", "prisma", "scripts"].flatMap(sources)
      .filter((file) => !ALLOWED.test(file))
      .flatMap((file) => outboxWrites(readFileSync(path.join(ROOT, file), "utf8")).map((line) => `${file}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });

  it("recognises the ways a module could write it", () => {
    for (const line of [
      "await tx.outboxEmail.createMany({ data: rows });",
      "await db.outboxEmail.create({ data: { to } });",
      "await db.outboxEmail\n  .upsert(",
      `await tx.$executeRaw\`INSERT INTO "OutboxEmail" (id) VALUES (1)\`;`,
      "await tx.notification.create({ data })",
      "await db.outboxSms.createMany({ data: rows });",
      `await tx.$executeRaw\`INSERT INTO "OutboxPush" (id) VALUES (1)\`;`,
      "const b = emailChannel.batch(); b.add(m, 'QUEUED', now, now);",
    ]) expect(outboxWrites(line.replace("\n  ", "")), line).not.toEqual([]);
    expect(outboxWrites("await tx.outboxEmail.updateMany({ where: { id }, data: { status: 'SENT' } });")).toEqual([]);
  });

  it("lib/notifications does write it (the scan looks where the writes are)", () => {
    expect(sources("lib/notifications").flatMap((f) => outboxWrites(readFileSync(path.join(ROOT, f), "utf8")))).not.toEqual([]);
  });
});
