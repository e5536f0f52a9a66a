"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

type State = "loading" | "unsupported" | "denied" | "off" | "on";

/** The VAPID public key (base64url) as the bytes pushManager.subscribe() wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "="));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

const supported = () => typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

/**
 * "Notify me on this device": registers the site's service worker, asks the
 * browser for a push subscription with the platform's VAPID key and hands it
 * to the town (POST /volunteer/push); "Stop" does the reverse (/volunteer/push/stop).
 */
export function PushControl({ publicKey, town }: { publicKey: string; town: string }) {
  const t = useTranslations("volunteer.push");
  const [state, setState] = useState<State>("loading");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!supported()) return setState("unsupported");
    if (Notification.permission === "denied") return setState("denied");
    navigator.serviceWorker.register("/sw.js")
      .then((registration) => registration.pushManager.getSubscription())
      .then((subscription) => setState(subscription ? "on" : "off"), () => setState("unsupported"));
  }, []);

  async function enable() {
    setBusy(true);
    setFailed(false);
    try {
      if ((await Notification.requestPermission()) !== "granted") return setState("denied");
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      const response = await fetch("/volunteer/push", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(subscription.toJSON()) });
      if (!response.ok) {
        await subscription.unsubscribe();
        throw new Error(String(response.status));
      }
      setState("on");
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  async function disable() {
    setBusy(true);
    setFailed(false);
    try {
      const subscription = await (await navigator.serviceWorker.ready).pushManager.getSubscription();
      if (subscription) {
        await fetch("/volunteer/push/stop", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ endpoint: subscription.endpoint }) });
        await subscription.unsubscribe();
      }
      setState("off");
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-2" data-testid="push-control">
      <p>{t("intro", { town })}</p>
      {state === "unsupported" && <p>{t("unsupported")}</p>}
      {state === "denied" && <p>{t("denied")}</p>}
      {(state === "on" || state === "off") && (
        <>
          <p role="status">{state === "on" ? t("on") : t("off")}</p>
          <p>
            <button type="button" onClick={state === "on" ? disable : enable} disabled={busy} aria-busy={busy}
              className={state === "on" ? "rounded border-2 border-brand bg-white px-3 py-2 font-semibold text-brand" : "rounded bg-brand px-3 py-2 font-bold text-white"}>
              {state === "on" ? t("disable") : t("enable")}
            </button>
          </p>
        </>
      )}
      {failed && <p role="alert" className="font-semibold text-red-800">{t("failed")}</p>}
    </div>
  );
}
