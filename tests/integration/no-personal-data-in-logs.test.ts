import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendMagicLink } from "@/lib/auth/magic-link";
import { authLogger } from "@/lib/log/auth-logger";
import { dispatchOutbox } from "@/lib/email/dispatch";
import { logger } from "@/lib/log/logger";
import { createRequest } from "@/lib/requests/mutations";
import { systemDb } from "@/lib/tenancy/system";
import { startFakeResend } from "./helpers/fake-resend";
import { createTown, requestInput, uniqueSlug } from "./helpers/factories";

// Whatever reaches stdout through the logger during a run, as text.
let captured = "";
const write = process.stdout.write.bind(process.stdout);
beforeAll(() => {
  logger.level = "trace";
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    captured += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
});
afterAll(() => {
  process.stdout.write = write;
  logger.level = "silent";
});

// Personal values as residents type them: names with accents and apostrophes, Belgian and
// international phone numbers, street addresses, e-mail addresses and free-text notes.
// Each word starts with an accented capital, as many names do: a generated "calle" must not be found in "called".
const word = fc.tuple(fc.constantFrom(..."ÀÉÈÖÜÇ"), fc.stringMatching(/^[a-zà-ÿ'-]{2,11}$/)).map(([first, rest]) => first + rest);
const personal = fc.record({
  name: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  phone: fc.oneof(
    fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `+32 4${String(n).slice(0, 2)} ${String(n).slice(2, 4)} ${String(n).slice(4, 6)} ${String(n).slice(6)}`),
    fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `04${n}`),
  ),
  address: fc.tuple(word, fc.integer({ min: 1, max: 999 })).map(([s, n]) => `${s}straat ${n}`),
  email: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{2,10}$/), fc.constantFrom("example.be", "telenet.be", "gmail.com")).map(([l, d]) => `${l}.${uniqueSlug("x")}@${d}`),
  note: fc.tuple(word, word, word).map((w) => `Please ring twice, ${w.join(" ")}`),
});
type Personal = typeof personal extends fc.Arbitrary<infer T> ? T : never;

/** Every personal value, and its distinctive parts (a name's words, a phone's digits). */
function needles(p: Personal): string[] {
  const digits = p.phone.replace(/\D/g, "");
  return [p.name, ...p.name.split(" ").filter((w) => w.length >= 5), p.phone, digits, digits.slice(-8), p.address, p.email, p.email.split("@")[0], p.note];
}

function expectAbsent(p: Personal) {
  const lines = captured.split("\n").filter((l) => l.startsWith("{"));
  expect(lines.length).toBeGreaterThan(0);
  for (const needle of needles(p)) {
    const hit = lines.find((l) => l.includes(needle));
    expect(hit, `"${needle}" reached a log line`).toBeUndefined();
  }
}

describe("no personal field ever reaches a log line", () => {
  it("on request creation and on a failed delivery of its confirmation (the provider echoing the address)", async () => {
    const { tenant, categories } = await createTown();
    await fc.assert(
      fc.asyncProperty(personal, async (p) => {
        captured = "";
        const fake = await startFakeResend((call) => ({ status: 422, message: `Invalid \`to\` field: ${call.to[0]} (${p.name})` }));
        try {
          await createRequest(
            { id: tenant.id },
            requestInput(categories[0].id, { name: p.name, phone: p.phone, address: p.address, email: p.email, description: p.note, contactMethod: "EMAIL" }),
            { source: "ONLINE", locale: "nl" },
          );
          await dispatchOutbox({ tenantIds: [tenant.id] });
        } finally {
          await fake.stop();
        }
        expect(captured).toContain("help request created");
        expect(captured).toContain("e-mail delivery failed");
        expectAbsent(p);
      }),
      { numRuns: 8, endOnFailure: true },
    );
    await systemDb.outboxEmail.updateMany({ where: { tenantId: tenant.id, status: "PENDING" }, data: { status: "FAILED" } });
  }, 120_000);

  it("on a sign-in link that cannot be sent, through Auth.js's logger", async () => {
    await fc.assert(
      fc.asyncProperty(personal, async (p) => {
        captured = "";
        const fake = await startFakeResend((call) => ({ status: 500, message: `could not deliver to ${call.to[0]}, ${p.name}, ${p.phone}` }));
        try {
          const error = await sendMagicLink({ identifier: p.email, url: `http://localhost/api/auth/callback/email?token=abc&email=${encodeURIComponent(p.email)}`, expires: new Date(Date.now() + 600_000) }).catch((e: Error) => e);
          expect(error).toBeInstanceOf(Error);
          authLogger.error(Object.assign(new Error(`sendVerificationRequest failed for ${p.email}`), { cause: error }));
          logger.error({ err: error, identifier: p.email }, "sign-in link could not be sent");
        } finally {
          await fake.stop();
        }
        expectAbsent(p);
      }),
      { numRuns: 8 },
    );
  });

  it("whatever object or message a future log call passes (redaction at any depth, scrubbing in free text)", () => {
    fc.assert(
      fc.property(personal, (p) => {
        captured = "";
        const child = logger.child({ town: "leuven" });
        child.info({ request: { residentName: p.name, residentPhone: p.phone, residentAddress: p.address, residentEmail: p.email, notes: [p.note] }, to: p.email, contact: { phone: p.phone } }, "created");
        child.warn(`delivery to ${p.email} / ${p.phone} failed`);
        child.error({ err: new Error(`SMTP 550 <${p.email}>: user unknown, call ${p.phone}`) }, "relay refused");
        expectAbsent(p);
      }),
      { numRuns: 50 },
    );
  });
});
