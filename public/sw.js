// The service worker of every town's site (registered by the volunteer page's
// "Notify me on this device"): shows what the town pushes and opens its page
// on a tap. Payloads are encrypted to this browser and signed with the
// platform's VAPID key, so only Helpt's worker can have sent them.
self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    // Not ours to understand: show nothing rather than something wrong.
    return;
  }
  if (!message.title) return;
  event.waitUntil(self.registration.showNotification(message.title, {
    body: message.body || "",
    icon: "/app-icon",
    data: { url: message.url || "/" },
    tag: message.url || undefined,
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin).href;
  event.waitUntil((async () => {
    const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const same = open.find((c) => c.url === url && "focus" in c);
    return same ? same.focus() : self.clients.openWindow(url);
  })());
});
