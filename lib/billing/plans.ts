/** Plans (the `Plan` enum): FREE costs nothing; PAID: €0.12 per resident per year, charged as `population` units of 12 cents. */
export const PRICE_PER_RESIDENT_CENTS = 12;
export const CURRENCY = "eur";
export const BILLING_INTERVAL = "year";
export const TRIAL_DAYS = 30;

/** Days a town keeps running after a failed payment before it is suspended. */
export const GRACE_DAYS = 14;
/** How long before the end of a trial the town's admins are reminded. */
export const TRIAL_NOTICE_DAYS = 3;

/** Where a town admin manages billing (linked from billing e-mails). */
export const BILLING_SETTINGS_PATH = "/settings/billing";


export function annualPriceCents(population: number): number {
  if (!Number.isInteger(population) || population < 1) throw new RangeError("population must be a positive integer");
  return population * PRICE_PER_RESIDENT_CENTS;
}
