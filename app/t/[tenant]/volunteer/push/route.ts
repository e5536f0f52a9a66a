import { pushRoute } from "@/lib/push/handler";
import { pushSubscriptionSchema } from "@/lib/push/schemas";
import { savePushSubscription } from "@/lib/push/subscriptions";

/** "Notify me on this device" (components/volunteers/push-control.tsx): subscribes this browser to the signed-in volunteer's notifications in this town. */
export async function POST(request: Request) {
  return pushRoute(request, pushSubscriptionSchema, (tenant, userId, input) => savePushSubscription(tenant, userId, input), 201);
}
