import { z } from "zod";

// A Stripe event is trusted once its signature checks out, but its shape is
// still input: an event without `data`, with a null object or an object
// where an id belongs is refused (400), not a database error.

const stripeId = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/);

/** The envelope every event has: an id, a type, and an object in `data`; gives what is stored of it (id, type). */
export const stripeEventSchema = z
  .object({ id: stripeId, type: stripeId, data: z.object({ object: z.record(z.string(), z.unknown()) }) })
  .transform(({ id, type }) => ({ id, type }));

/** What identifies the town and the subscription an event is about. */
export const subscriptionRefSchema = z.object({
  subscriptionId: stripeId,
  tenantId: stripeId.optional(),
  customerId: stripeId.optional(),
});
