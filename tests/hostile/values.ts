import fc from "fast-check";

// Hostile input shared by the schema fuzz (unit) and the endpoint fuzz (e2e):
// what attackers, broken clients and copy-paste accidents actually send.

/** A marker no page renders by itself: finding it unescaped in HTML means a stored or reflected script. */
export const SCRIPT_MARKER = "hostile-xss-7f3a";
export const SCRIPTS = [
  `<script>window.${SCRIPT_MARKER.replaceAll("-", "_")}=1</script>`,
  `<img src=x onerror="alert('${SCRIPT_MARKER}')">`,
  `"><svg onload=alert('${SCRIPT_MARKER}')>`,
  `'><iframe src="javascript:alert('${SCRIPT_MARKER}')"></iframe>`,
] as const;
/** The raw tags above as they would appear in HTML if a page did not escape them. */
export const UNESCAPED = [/<script>window\.hostile_xss_7f3a/i, /<img src=x onerror=/i, /<svg onload=/i, /<iframe src="javascript:/i];

const FRAGMENTS = [
  ...SCRIPTS,
  "javascript:alert(1)",
  "' OR '1'='1' --",
  `'; DROP TABLE "HelpRequest"; --`,
  "1; SELECT pg_sleep(10); --",
  "\\'; COPY (SELECT 1) TO PROGRAM 'id'; --",
  `{"$ne": null}`,
  "__proto__", "constructor", "prototype", "toString",
  "{value}", "{count, plural, one {#} other {# #}}", "{{7*7}}", "${7*7}", "<%= 7*7 %>",
  "../../../etc/passwd", "%00", "%2e%2e%2f", "\\x00",
  "\u0000", "a\u0000b", "\u0007\u001b[31m", "\r\nSet-Cookie: hostile=1", "\u2028\u2029",
  "\u202Eevil\u202C", "\u200B\u200D\uFEFF", "👩‍👩‍👧‍👦🏳️‍🌈", "Z̸̢̛̙a̷̪̓l̶͈̈́g̸̣̾o̵̙͝", "مرحبا بالعالم", "שלום", "日本語テキスト",
  "\uD800", "\uDFFF\uD800", "ǅ", "İ", "ß", "\u0130\u0131",
  " ", "   \t  ", "", "\n\n\n",
  "-1", "-0", "0", "NaN", "Infinity", "-Infinity", "1e309", "9007199254740993", "0x1F", "1_000", " 12 ", "3.7",
  "true", "false", "null", "undefined", "[]", "{}", "[object Object]",
  "on", "off",
];

/** Very long strings: the form limits, the body limits and the database must all hold. */
const huge = fc.constantFrom(300, 5_000, 120_000).chain((n) =>
  fc.constantFrom("A", "é", "😀", "<b>", "\u0000").map((unit) => unit.repeat(Math.ceil(n / unit.length))),
);

/** A hostile string: known-bad fragments, random unicode, or both glued together. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: "binary", maxLength: 12 })), { minLength: 2, maxLength: 6 }).map((p) => p.join(" ")) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: huge },
);

/** Hostile strings short enough for a query string or a header. */
export const hostileShortString = hostileString.filter((s) => s.length <= 2_000);

/** Numbers nobody expects: negative, fractional, out of range, not numbers at all. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, -0, 0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, -2_147_483_649, 1e308, 5e-324),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double(),
);

/** Objects whose keys try prototype pollution and lookalike names. */
const hostileObject = fc
  .dictionary(fc.oneof(fc.constantFrom("__proto__", "constructor", "toString", "valueOf", "then", "$where"), fc.string({ maxLength: 8 })), fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxKeys: 4 })
  .map((o) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>); // JSON.parse makes "__proto__" an own key, as a request body would

/** Any JSON-like value of the wrong type, as a forged request can carry. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, hostileNumber, fc.constant(null)), { maxLength: 5 }) },
  { weight: 1, arbitrary: hostileObject },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')) },
);

/** Extra keys a form never has, merged into an otherwise plausible object. */
export const extraKeys = fc.dictionary(fc.oneof(fc.constantFrom("__proto__", "constructor", "id", "tenantId", "role", "isPlatformAdmin"), fc.string({ maxLength: 10 })), hostileValue, { maxKeys: 3 });

/** The sharpest values, tried on every field and parameter in turn (random runs may miss one). */
export const EDGE_STRINGS = ["a\u0000b", "__proto__", SCRIPTS[0], "\uD800x", "%E0%A4%A", "{count, plural, one {#}}", " ", "-1"];
