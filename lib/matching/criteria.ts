// What volunteers (and vacancies) are matched on: skills, languages and time slots.

/** Professional skills that matter for routing (e.g. students to care homes). Keys are stable identifiers. */
export const SKILLS = ["psychologist", "social-worker", "medical-student", "nursing-student", "childcare", "drivers-licence", "car"] as const;

/** Languages a volunteer can help in (residents' languages beyond the site's four). */
export const SPOKEN_LANGUAGES = ["nl", "fr", "en", "de", "ar", "tr", "pl", "ro", "es", "it", "uk"] as const;

export type Skill = (typeof SKILLS)[number];
