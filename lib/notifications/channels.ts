import { randomUUID } from "node:crypto";
import type { TemplateName } from "@/lib/email/templates";
import type { Address, Contact } from "@/lib/notifications/contacts";
import type { Channel, Kind, Outcome } from "@/lib/notifications/policy";
import type { TenantDb } from "@/lib/tenancy/for-tenant";

/** One message as a channel's outbox receives it; `to` is already the channel's normalised recipient. */
export type Queued = { tenantId: string; template: TemplateName; kind: Kind; locale: string; to: string; data: unknown };

/** The rows one notifyAll() call queues on one channel, written together at its end. */
export type OutboxBatch<D> = {
  /** Queues a message the policy let through (or capped, if the channel holds those for a digest); its outbox id, or null if nothing was queued. */
  add(m: Queued, outcome: Outcome, now: Date, due: Date): string | null;
  write(db: D): Promise<void>;
};

/**
 * A way to reach a person. notify() asks each channel in turn for the
 * person's address; the policy (policy.ts) decides; the channel queues.
 */
export type ChannelOutbox<D = TenantDb> = {
  channel: Channel;
  /** The person's address on this channel, if they have one. */
  address(to: Contact): Address | null | undefined;
  /** Whether the template exists on this channel. */
  carries(template: TemplateName): boolean;
  /** The same address written one way, so the daily cap counts it once. */
  recipient(value: string): string;
  /** Among these recipients, those who withdrew the channel (e.g. answered STOP); looked up once per notifyAll(). */
  withdrawn?(db: D, recipients: string[]): Promise<Set<string>>;
  batch(): OutboxBatch<D>;
};

const BATCH = 1000;

/**
 * The usual batch: a row per message the channel takes (`row` decides, and
 * returns null for what it does not keep), each with an id chosen here so the
 * decision's record can name it before the rows are written, `BATCH` at a time.
 */
export function rowBatch<R, D>(
  row: (id: string, m: Queued, outcome: Outcome, now: Date, due: Date) => R | null,
  write: (db: D, rows: R[]) => Promise<unknown>,
): OutboxBatch<D> {
  const rows: R[] = [];
  return {
    add(m, outcome, now, due) {
      const id = randomUUID();
      const r = row(id, m, outcome, now, due);
      if (!r) return null;
      rows.push(r);
      return id;
    },
    async write(db) {
      for (let i = 0; i < rows.length; i += BATCH) await write(db, rows.slice(i, i + BATCH));
    },
  };
}
