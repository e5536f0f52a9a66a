/** Shown on the suspended town's pages; also how a billing suspension is recognised to lift it again. */
export const BILLING_SUSPENSION_REASON = "Subscription payment overdue";
