import { z } from "zod";

/**
 * The push services browsers subscribe with (Chrome/Android and Opera: FCM,
 * Firefox: Mozilla, Edge: Windows, Safari: Apple). The worker posts to a
 * subscription's endpoint, so only these hosts are accepted: a made-up
 * endpoint cannot turn the worker into a client of anything else.
 */
const PUSH_SERVICE = /^(fcm\.googleapis\.com|updates\.push\.services\.mozilla\.com|[a-z0-9-]+\.notify\.windows\.com|web\.push\.apple\.com|[a-z0-9-]+\.push\.apple\.com)$/;

const base64url = (bytes: number) => z.string({ error: "required" }).regex(new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}=*$`), "invalidChoice");

/** What PushSubscription.toJSON() gives in the browser (expirationTime and anything else ignored). */
export const pushSubscriptionSchema = z.object({
  endpoint: z.string({ error: "required" }).max(1000, "tooLong").refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === "https:" && !url.port && !url.username && !url.password && PUSH_SERVICE.test(url.hostname);
    } catch {
      return false;
    }
  }, "invalidChoice"),
  keys: z.object({ p256dh: base64url(65), auth: base64url(16) }, { error: "required" }),
}, { error: "required" });

export const pushEndpointSchema = pushSubscriptionSchema.pick({ endpoint: true });

export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;
