import type { Slot } from "@/lib/when/slots";

/**
 * How well a volunteer fits a request, 0–100, with the parts shown to the
 * coordinator. Weights (documented in README "Matching"):
 *   distance 35 · category and skills 25 · language 15 · availability 10 · fairness 15
 * - distance: full points at 0 km, none at the volunteer's own limit (or 10 km
 *   when coordinates are unknown but the postcode is the same: 25 of 35);
 * - category: 20 when the volunteer offers the request's category; skills: +5
 *   when they have a skill the request's category calls for;
 * - language: 15 when they speak the resident's language;
 * - availability: 10 when the request's day/part of day is in their slots
 *   (5 when the request gives no day);
 * - fairness: 15 for no assignment in the last 30 days, minus 5 per
 *   assignment, so the same eager few do not get everything.
 */
export type ScoreInput = {
  distanceKm: number | null;
  samePostcode: boolean;
  maxDistanceKm: number;
  offersCategory: boolean;
  hasUsefulSkill: boolean;
  speaksLanguage: boolean;
  requestSlots: Slot[];
  availability: string[];
  recentAssignments: number;
};

export type ScoreParts = { distance: number; fit: number; language: number; availability: number; fairness: number; total: number };

export function scoreCandidate(i: ScoreInput): ScoreParts {
  const distance =
    i.distanceKm == null
      ? i.samePostcode ? 25 : 0
      : Math.max(0, 35 * (1 - i.distanceKm / Math.max(i.maxDistanceKm, 0.5)));
  const fit = (i.offersCategory ? 20 : 0) + (i.hasUsefulSkill ? 5 : 0);
  const language = i.speaksLanguage ? 15 : 0;
  const availability = i.requestSlots.length === 0 ? 5 : i.requestSlots.some((s) => i.availability.includes(s)) ? 10 : 0;
  const fairness = Math.max(0, 15 - 5 * i.recentAssignments);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    distance: round(distance), fit, language, availability, fairness,
    total: round(distance + fit + language + availability + fairness),
  };
}

/** Skills that make a volunteer a better fit for a category (by category key). */
export const USEFUL_SKILLS: Record<string, string[]> = {
  babysitting: ["childcare"],
  transport: ["drivers-licence", "car"],
  "phone-chat": ["psychologist", "social-worker"],
  pharmacy: ["medical-student", "nursing-student"],
  groceries: ["car"],
};
