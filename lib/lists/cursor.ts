// A position in a keyset-paged list: the sort key of a row (its sort column
// and its id), carried in the URL as an opaque token. A token is read back
// only in the shape the list expects, so a forged one can never reach the
// database as the wrong type: it just means "the first page".

export type KeyKind = "text" | "int" | "date";
export type KeyValue = string | number | Date;
export type Key = KeyValue[];

const MAX_TOKEN = 600;

export function encodeCursor(key: Key): string {
  const json = JSON.stringify(key.map((v) => (v instanceof Date ? { d: v.toISOString() } : v)));
  return Buffer.from(json, "utf8").toString("base64url");
}

/** The key in a token, if it has exactly the kinds given; otherwise null. */
export function decodeCursor(token: string | undefined, kinds: readonly KeyKind[]): Key | null {
  if (!token || token.length > MAX_TOKEN || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(raw) || raw.length !== kinds.length) return null;
  const key: Key = [];
  for (const [i, kind] of kinds.entries()) {
    const value = readValue(raw[i], kind);
    if (value === null) return null;
    key.push(value);
  }
  return key;
}

function readValue(v: unknown, kind: KeyKind): KeyValue | null {
  switch (kind) {
    case "text":
      // Never empty and no NUL: no row's key is empty (a name, a reference, an id), and PostgreSQL refuses NUL.
      return typeof v === "string" && v.length > 0 && v.length <= 300 && !v.includes("\0") ? v : null;
    case "int":
      return typeof v === "number" && Number.isSafeInteger(v) && Math.abs(v) < 2 ** 31 ? v : null;
    case "date": {
      const iso = typeof v === "object" && v !== null && "d" in v ? (v as { d: unknown }).d : null;
      if (typeof iso !== "string" || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(iso)) return null;
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? null : date;
    }
  }
}
