import { DAYS, PARTS, type Slot } from "@/lib/matching/criteria";

// Residents write "Tuesday morning", "dinsdagvoormiddag" or "mardi matin":
// recognise day and part-of-day words in the three languages.
const DAY_WORDS: Record<(typeof DAYS)[number], string[]> = {
  MON: ["monday", "maandag", "lundi"],
  TUE: ["tuesday", "dinsdag", "mardi"],
  WED: ["wednesday", "woensdag", "mercredi"],
  THU: ["thursday", "donderdag", "jeudi"],
  FRI: ["friday", "vrijdag", "vendredi"],
  SAT: ["saturday", "zaterdag", "samedi"],
  SUN: ["sunday", "zondag", "dimanche"],
};
const PART_WORDS: Record<(typeof PARTS)[number], string[]> = {
  MORNING: ["morning", "voormiddag", "ochtend", "matin", "matinée"],
  AFTERNOON: ["afternoon", "namiddag", "middag", "après-midi", "apres-midi"],
  EVENING: ["evening", "avond", "soir", "soirée"],
};

/** The availability slots a free-text time window names; [] when it names no day. */
export function slotsFromText(text: string): Slot[] {
  const lower = text.toLowerCase();
  const days = DAYS.filter((d) => DAY_WORDS[d].some((w) => lower.includes(w)));
  if (days.length === 0) return [];
  // "namiddag" contains "middag" and "voormiddag" contains "middag": check the longer words first.
  const parts = PARTS.filter((p) => PART_WORDS[p].some((w) => lower.includes(w)) && !(p === "AFTERNOON" && lower.includes("voormiddag") && !lower.includes("namiddag")));
  return days.flatMap((d) => (parts.length ? parts : PARTS).map((p) => `${d}_${p}` as Slot));
}
