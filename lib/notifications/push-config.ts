import { env } from "@/lib/env";

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

/** The VAPID keys from the configuration, or null: then web push is off (no subscribe button, nothing queued, nothing sent). */
export function vapidKeys(): VapidKeys | null {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = env();
  return publicKey && privateKey && subject ? { publicKey, privateKey, subject } : null;
}

export const pushEnabled = () => vapidKeys() !== null;
