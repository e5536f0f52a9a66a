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

// ---------------------------------------------------------------- request shapes
// What reaches the app before any form does: the Host and forwarding headers,
// the router state Next.js's client sends, and bodies in every encoding.

/** Hosts a client can type for `name` (e.g. "leuven.localhost"): any case, trailing dots, ports in and out of range, odd characters. */
export function hostileHost(name: string, port: number): fc.Arbitrary<string> {
  const cased = fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(""));
  const ports = fc.oneof(
    fc.constant(String(port)), fc.constant(""),
    fc.constantFrom("0", "65535", "65536", "99999", "-1", "3e3", "0x50", " 80", "80 ", "00080", "1:2", "abc"),
    fc.integer({ min: 65_536, max: 999_999 }).map(String),
  ).map((p) => (p === "" ? "" : `:${p}`));
  const odd = fc.constantFrom(
    "lëuven.localhost", "xn--luven-gsa.localhost", "leuven..localhost", ".leuven.localhost", "leuven.localhost..", "le uven.localhost",
    "user@leuven.localhost", "leuven.localhost, gent.localhost", "[::1]", "[::1", "127.0.0.1", "LEUVEN.LOCALHOST.", "-", "*.localhost",
    "leuven.localhost/..", "leuven.localhost%2e", "ａｐｅｘ.localhost", "le\u200buven.localhost", "a".repeat(300) + ".localhost",
  );
  return fc.tuple(fc.oneof({ weight: 3, arbitrary: cased }, { weight: 1, arbitrary: odd }), fc.constantFrom("", ".", ".."), ports)
    // Non-ASCII goes on the wire as its UTF-8 bytes (Node sends header strings as latin1).
    .map(([host, dots, p]) => Buffer.from(`${host}${dots}${p}`, "utf8").toString("latin1"));
}

/** Forwarding headers as a client can forge them: the same host in another form, another site, lists, garbage. */
export function hostileForwarded(host: string): fc.Arbitrary<Record<string, string>> {
  const value = fc.oneof(
    fc.constantFrom(host, host.toUpperCase(), `${host}.`, "evil.example", "gent.localhost", `evil.example, ${host}`, `${host}, evil.example`, "", " ", "a".repeat(500)),
    fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, "")),
  );
  return fc.record({
    "x-forwarded-host": value, "x-forwarded-for": fc.oneof(value, fc.array(fc.ipV4(), { maxLength: 5 }).map((ips) => ips.join(", "))),
    "x-forwarded-proto": fc.constantFrom("https", "http", "HTTPS", "ftp", "", "https, http"), forwarded: value.map((v) => `for=${v};host=${v};proto=https`),
  }, { requiredKeys: [] });
}

/**
 * Next-Router-State-Tree values: the real shape, JSON of other shapes, deep or long trees, not JSON at all.
 * Under 10 kB: Node's HTTP parser itself refuses larger headers (431) before the app sees them.
 */
export const hostileRouterState: fc.Arbitrary<string> = fc.oneof(
  fc.constant(encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}, null, null] }, null, null, true]))),
  fc.jsonValue({ maxDepth: 4 }).map((v) => encodeURIComponent(JSON.stringify(v)).slice(0, 9_000)),
  fc.integer({ min: 65, max: 180 }).map((n) => encodeURIComponent(`${"[\"\",{\"children\":".repeat(n)}null${"}]".repeat(n)}`)),
  fc.constantFrom("%E0%A4%A", "[", "%5B%22%22%2C%7B%7D", "null", "[]", '["",{}]', '["",{"children":null}]', '[["a","b","x"],{}]', "x".repeat(9_000)),
  hostileShortString.map((s) => encodeURIComponent(s.toWellFormed()).slice(0, 9_000)),
);

/** One request body with its content type; `chunked` sends it without a Content-Length. */
export type BodyShape = { label: string; contentType: string; body: Buffer; chunked?: boolean };

const json = (v: unknown) => JSON.stringify(v);
const part = (boundary: string, name: string, value: string, extra = "") =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}\r\n`;
const multipartOf = (boundary: string, fields: [string, string][], close = true) =>
  Buffer.from(fields.map(([n, v]) => part(boundary, n, v)).join("") + (close ? `--${boundary}--\r\n` : ""), "utf8");

/** Argument lists as a forger sends them to a server action: wrong types, a thousand arguments, references to nothing or to themselves, deep nesting. */
export const hostileActionArguments: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    json(["$K1"]), json([]), json({}), json("x"), "null", "", "[", json(["$1"]), json(["$@0"]), json(["$@1"]), json(["$Q1"]), json(["$B1"]),
    json(["$K1", "$K1"]), json([{}, "$K1"]), json(["x", "y"]), json(["$nNaN"]), json(["$h1"]), json(["$F1"]), json(["$T"]), json(["$0"]),
  ),
  fc.integer({ min: 9, max: 1_000 }).map((n) => json([...Array.from({ length: n - 1 }, (_, i) => `a${i}`), "$K1"])),
  fc.integer({ min: 40, max: 3_000 }).map((n) => `${"[".repeat(n)}"$K1"${"]".repeat(n)}`),
  fc.array(hostileValue, { maxLength: 4 }).map((args) => json([...args, "$K1"])),
  fc.array(hostileValue, { maxLength: 4 }).map(json),
);

/** `$ACTION_` fields of a form posted without JavaScript: deep, self-referencing, duplicated, missing or not JSON. */
export function hostileActionFields(actionId: string): fc.Arbitrary<[string, string][]> {
  const meta = (bound: unknown) => json({ id: actionId, bound });
  return fc.oneof(
    fc.constantFrom<[string, string][]>(
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", meta("$@1")], ["$ACTION_1:1", json(["$@1"])]],
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", meta("$@0")]],
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", meta("$@1")]],
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", meta("$1")], ["$ACTION_1:1", json(["$1"])]],
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", meta("$@1")], ["$ACTION_1:1", json(["$@2"])], ["$ACTION_1:2", json(["$@1"])]],
      [["$ACTION_REF_1", ""]],
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", "{"]],
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", json({ bound: null })]],
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", json([actionId])]],
      [["$ACTION_REF_1", ""], ["$ACTION_REF_2", ""], ["$ACTION_1:0", meta(null)], ["$ACTION_2:0", meta(null)]],
      [["$ACTION_ID_" + actionId, ""], ["$ACTION_REF_1", ""], ["$ACTION_1:0", meta(null)]],
      [["$ACTION_REF_", ""], ["$ACTION_:0", meta(null)]],
      [["$ACTION_KEY", "k"], ["$ACTION_REF_1", ""], ["$ACTION_1:0", meta("$@1")], ["$ACTION_1:1", "not json"]],
    ),
    fc.integer({ min: 40, max: 3_000 }).map((n): [string, string][] =>
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", meta("$@1")], ["$ACTION_1:1", `${"[".repeat(n)}1${"]".repeat(n)}`]]),
    fc.array(hostileValue, { maxLength: 1_000 }).map((bound): [string, string][] =>
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", meta("$@1")], ["$ACTION_1:1", json(bound)]]),
  );
}

/**
 * Bodies for a POST to a page: multipart with a good, missing or broken
 * boundary, text/plain and JSON argument lists, `$ACTION_` fields, and a body
 * over the 1 MB limit sent chunked. `actionId` names a real action.
 */
export function hostileBody(actionId: string): fc.Arbitrary<BodyShape> {
  const boundary = fc.constantFrom("----helpt0", "x", "b".repeat(70), "with space", "\"quoted\"", "ünï");
  const argsPart = fc.tuple(boundary, hostileActionArguments).map(([b, args]): BodyShape =>
    ({ label: "multipart arguments", contentType: `multipart/form-data; boundary=${b}`, body: multipartOf(b, [["0", args]]) }));
  const broken = fc.tuple(boundary, fc.constantFrom("no boundary", "other boundary", "unclosed", "no parts", "bad part header", "garbage", "base64 file")).map(([b, how]): BodyShape => {
    const fields: [string, string][] = [["0", json(["$K1"])], ["_1_name", "x"]];
    switch (how) {
      case "no boundary": return { label: how, contentType: "multipart/form-data", body: multipartOf(b, fields) };
      case "other boundary": return { label: how, contentType: "multipart/form-data; boundary=zzz", body: multipartOf(b, fields) };
      case "unclosed": return { label: how, contentType: `multipart/form-data; boundary=${b}`, body: multipartOf(b, fields, false) };
      case "no parts": return { label: how, contentType: `multipart/form-data; boundary=${b}`, body: Buffer.from(`--${b}--\r\n`) };
      case "bad part header": return { label: how, contentType: `multipart/form-data; boundary=${b}`, body: Buffer.from(`--${b}\r\nContent-Disposition\r\n\r\nx\r\n--${b}--\r\n`) };
      case "base64 file": return {
        label: how, contentType: `multipart/form-data; boundary=${b}`,
        body: Buffer.from(part(b, "0", json(["$K1"])) + part(b, "_1_logo", "aGVsbG8=", `; filename="a.png"\r\nContent-Transfer-Encoding: base64`) + `--${b}--\r\n`),
      };
      default: return { label: how, contentType: `multipart/form-data; boundary=${b}`, body: Buffer.from("\u0000\u0001garbage\r\n--") };
    }
  });
  return fc.oneof(
    argsPart,
    broken,
    fc.tuple(fc.constantFrom("text/plain;charset=UTF-8", "application/json", "text/plain", ""), hostileActionArguments)
      .map(([contentType, args]): BodyShape => ({ label: `${contentType || "no type"} arguments`, contentType, body: Buffer.from(args) })),
    hostileActionFields(actionId).map((fields): BodyShape =>
      ({ label: "$ACTION_ fields", contentType: "multipart/form-data; boundary=helpt", body: multipartOf("helpt", fields) })),
    fc.constantFrom(1_048_577, 1_200_000, 3_000_000).map((size): BodyShape =>
      ({ label: `chunked ${size} bytes`, contentType: "multipart/form-data; boundary=helpt", body: multipartOf("helpt", [["description", "A".repeat(size)]]), chunked: true })),
  );
}
