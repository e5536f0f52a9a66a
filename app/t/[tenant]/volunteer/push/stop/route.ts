import { pushRoute } from "@/lib/push/handler";
import { pushEndpointSchema } from "@/lib/push/schemas";
import { removePushSubscription } from "@/lib/push/subscriptions";

/** "Stop": this browser no longer gets the volunteer's notifications. A POST, as every change from a page (the proxy checks its origin). */
export async function POST(request: Request) {
  return pushRoute(request, pushEndpointSchema, (tenant, userId, input) => removePushSubscription(tenant, userId, input.endpoint), 204);
}
