// Which column of an uploaded volunteer list holds what, from its header in
// Dutch, French, English or German. Headers are compared folded (lower case,
// no accents, letters and digits only), so "E-mailadres", "Adresse e-mail"
// and "EMAIL" all name the e-mail column.

export const FIELDS = ["name", "firstName", "lastName", "email", "phone", "postcode", "languages", "categories", "skills"] as const;
export type Field = (typeof FIELDS)[number];

const SYNONYMS: Record<Field, string[]> = {
  name: ["name", "fullname", "naam", "volledigenaam", "nom", "nomcomplet", "vollername", "volunteer", "vrijwilliger", "benevole", "freiwilliger"],
  firstName: ["firstname", "givenname", "voornaam", "prenom", "vorname"],
  lastName: ["lastname", "surname", "familyname", "achternaam", "familienaam", "nomdefamille", "nachname", "familienname"],
  email: ["email", "emailaddress", "mail", "emailadres", "adresseemail", "adressemail", "courriel", "emailadresse"],
  phone: ["phone", "phonenumber", "telephone", "tel", "mobile", "telefoon", "telefoonnummer", "gsm", "gsmnummer", "mobiel", "numerodetelephone", "portable", "telefon", "telefonnummer", "handy", "mobilnummer"],
  postcode: ["postcode", "postalcode", "zip", "zipcode", "codepostal", "cp", "postleitzahl", "plz"],
  languages: ["languages", "language", "talen", "taal", "langues", "langue", "sprachen", "sprache"],
  categories: ["categories", "category", "categorieen", "categorie", "kategorien", "kategorie", "helpwith"],
  skills: ["skills", "skill", "vaardigheden", "vaardigheid", "competences", "competence", "fahigkeiten", "faehigkeiten", "kenntnisse"],
};

/** Lower case, accents removed, letters and digits only. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

const BY_HEADER = new Map<string, Field>(FIELDS.flatMap((f) => SYNONYMS[f].map((s) => [s, f] as const)));

/** The column index of each recognised field (the first column naming it wins); headers it does not know are ignored. */
export function mapColumns(headers: readonly string[]): Partial<Record<Field, number>> {
  const mapping: Partial<Record<Field, number>> = {};
  headers.forEach((header, index) => {
    const field = BY_HEADER.get(fold(header));
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}
