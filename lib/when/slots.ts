// The week as matching and requests speak of it: days, parts of the day, and their slots.

export const DAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"] as const;
export const PARTS = ["MORNING", "AFTERNOON", "EVENING"] as const;
/** Availability slots such as "TUE_MORNING". */
export const SLOTS = DAYS.flatMap((d) => PARTS.map((p) => `${d}_${p}` as const));

export type Slot = (typeof SLOTS)[number];
