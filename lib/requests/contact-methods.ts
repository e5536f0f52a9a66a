// How a resident wants to be contacted; its own module, so the form can list them without the schemas (zod, phone parsing) in the browser.
export const CONTACT_METHODS = ["PHONE", "WHATSAPP", "EMAIL"] as const;
