/** The standard help categories a new town starts from (keys are stable identifiers). */
export const STANDARD_CATEGORIES = [
  { key: "groceries", labels: { nl: "Boodschappen", fr: "Courses", en: "Groceries", de: "Einkäufe" } },
  { key: "pharmacy", labels: { nl: "Apotheek", fr: "Pharmacie", en: "Pharmacy", de: "Apotheke" } },
  { key: "phone-chat", labels: { nl: "Telefoongesprek", fr: "Conversation téléphonique", en: "Phone chat", de: "Telefongespräch" } },
  { key: "letter", labels: { nl: "Brief / penvriend", fr: "Lettre / correspondant", en: "Letter / pen pal", de: "Brief / Brieffreundschaft" } },
  { key: "babysitting", labels: { nl: "Kinderopvang", fr: "Garde d'enfants", en: "Babysitting", de: "Kinderbetreuung" } },
  { key: "dog-walking", labels: { nl: "Hond uitlaten", fr: "Promenade du chien", en: "Dog walking", de: "Mit dem Hund Gassi gehen" } },
  { key: "transport", labels: { nl: "Vervoer", fr: "Transport", en: "Transport", de: "Fahrdienst" } },
  { key: "other", labels: { nl: "Andere", fr: "Autre", en: "Other", de: "Sonstiges" } },
] as const;
