/** The standard help categories a new town starts from (keys are stable identifiers). */
export const STANDARD_CATEGORIES = [
  { key: "groceries", labels: { nl: "Boodschappen", fr: "Courses", en: "Groceries" } },
  { key: "pharmacy", labels: { nl: "Apotheek", fr: "Pharmacie", en: "Pharmacy" } },
  { key: "phone-chat", labels: { nl: "Telefoongesprek", fr: "Conversation téléphonique", en: "Phone chat" } },
  { key: "letter", labels: { nl: "Brief / penvriend", fr: "Lettre / correspondant", en: "Letter / pen pal" } },
  { key: "babysitting", labels: { nl: "Kinderopvang", fr: "Garde d'enfants", en: "Babysitting" } },
  { key: "dog-walking", labels: { nl: "Hond uitlaten", fr: "Promenade du chien", en: "Dog walking" } },
  { key: "transport", labels: { nl: "Vervoer", fr: "Transport", en: "Transport" } },
  { key: "other", labels: { nl: "Andere", fr: "Autre", en: "Other" } },
] as const;
