import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDomain, defaultResolver, listDomains, removeDomain, verifyDomain } from "@/lib/domains/domains";
import { challengeName, challengeValue, MAX_DOMAINS } from "@/lib/domains/rules";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { resolveTenant } from "@/lib/tenancy/resolve";
import { startFakeDns } from "./helpers/fake-dns";
import { createTown, uniqueSlug } from "./helpers/factories";
import { systemDb } from "@/lib/tenancy/system";

let dns: Awaited<ReturnType<typeof startFakeDns>>;
beforeEach(async () => {
  dns = await startFakeDns();
});
afterEach(async () => {
  await dns.stop();
});

const newHost = () => `${uniqueSlug("hulp")}.example.be`;

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => expect.fail("expected a failure"), (error: unknown) => error);
}

async function expectInvalid(promise: Promise<unknown>, key: string) {
  const error = await failureOf(promise);
  expect(error).toBeInstanceOf(InvalidInput);
  expect((error as InvalidInput).errors).toEqual({ host: key });
}

async function expectNotVerified(promise: Promise<unknown>) {
  const error = await failureOf(promise);
  expect(error).toBeInstanceOf(InvalidTransition);
  expect((error as InvalidTransition).key).toBe("domainNotVerified");
}

describe("adding a custom domain", () => {
  it("normalises the host and gives it a random token; adding it again returns the same claim", async () => {
    const { tenant } = await createTown();
    const host = newHost();
    const domain = await addDomain(tenant, `  https://${host.toUpperCase()}:443/hulp  `);
    expect(domain).toMatchObject({ host, tenantId: tenant.id, verifiedAt: null });
    expect(domain.verificationToken).toMatch(/^[0-9a-f]{32}$/);
    expect((await addDomain(tenant, `${host}.`)).verificationToken).toBe(domain.verificationToken);
    const other = await createTown();
    expect((await addDomain(other.tenant, newHost())).verificationToken).not.toBe(domain.verificationToken);
    expect(await listDomains(tenant)).toEqual([{ host, verificationToken: domain.verificationToken, verifiedAt: null }]);
  });

  it.each([
    "leuven.localhost", "LEUVEN.localhost:3000", "www.localhost", "a.b.localhost", "localhost", "127.0.0.1",
    "[::1]", "", "   ", "nodot", "not a host.be", "-bad.example.be", "bad_name.example.be", `${"x".repeat(64)}.example.be`,
  ])("refuses %j", async (input) => {
    const { tenant } = await createTown();
    await expectInvalid(addDomain(tenant, input), "invalidDomain");
    expect(await listDomains(tenant)).toEqual([]);
  });

  it("refuses a host another town already claimed, also when both claim it at once", async () => {
    const [a, b, c] = await Promise.all([createTown(), createTown(), createTown()]);
    const host = newHost();
    await addDomain(a.tenant, host);
    await expectInvalid(addDomain(b.tenant, host.toUpperCase()), "domainTaken");

    const contested = newHost();
    const results = await Promise.allSettled([addDomain(b.tenant, contested), addDomain(c.tenant, contested)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(InvalidInput);
    expect((rejected?.reason as InvalidInput).errors).toEqual({ host: "domainTaken" });
  });

  it(`allows at most ${MAX_DOMAINS} domains per town, even when added at once`, async () => {
    const { tenant } = await createTown();
    const results = await Promise.allSettled(Array.from({ length: MAX_DOMAINS + 2 }, () => addDomain(tenant, newHost())));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_DOMAINS);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r.reason as InvalidInput).errors).toEqual({ host: "tooManyDomains" });
    }
    await expectInvalid(addDomain(tenant, newHost()), "tooManyDomains");
    expect(await listDomains(tenant)).toHaveLength(MAX_DOMAINS);
  });
});

describe("verifying a custom domain over DNS", () => {
  async function claimed() {
    const { tenant } = await createTown();
    const domain = await addDomain(tenant, newHost());
    expect(await resolveTenant(domain.host)).toBeNull(); // caches the miss that verification must clear
    return { tenant, domain };
  }

  it("is not verified without a record (NXDOMAIN)", async () => {
    const { tenant, domain } = await claimed();
    await expectNotVerified(verifyDomain(tenant, domain.host));
    expect(dns.queries).toContain(`_helpt-challenge.${domain.host}`);
    expect((await systemDb.domain.findUniqueOrThrow({ where: { host: domain.host } })).verifiedAt).toBeNull();
  });

  it("is not verified with a wrong token or with no TXT data", async () => {
    const { tenant, domain } = await claimed();
    dns.txt.set(challengeName(domain.host), [[challengeValue("0".repeat(32))], ["helpt-verification="]]);
    await expectNotVerified(verifyDomain(tenant, domain.host));
    dns.txt.set(challengeName(domain.host), []);
    await expectNotVerified(verifyDomain(tenant, domain.host));
    expect(await resolveTenant(domain.host)).toBeNull();
  });

  it("is not verified when the name server times out or is unreachable", async () => {
    const { tenant, domain } = await claimed();
    dns.silent.add(challengeName(domain.host));
    const started = Date.now();
    await expectNotVerified(verifyDomain(tenant, domain.host));
    expect(Date.now() - started).toBeLessThan(15_000);

    const closedPort = dns.server;
    await dns.stop();
    process.env.HELPT_DNS_SERVER = closedPort;
    await expectNotVerified(verifyDomain(tenant, domain.host));
    dns = await startFakeDns(); // for afterEach
  });

  it("verifies with the right record, then serves the town there and no other town can claim it", async () => {
    const { tenant, domain } = await claimed();
    const value = challengeValue(domain.verificationToken);
    // Among unrelated records, and split in chunks the way long TXT values arrive.
    dns.txt.set(challengeName(domain.host), [["v=spf1 -all"], [value.slice(0, 10), value.slice(10)]]);
    const verified = await verifyDomain(tenant, domain.host, defaultResolver());
    expect(verified.verifiedAt).toBeInstanceOf(Date);
    expect((await resolveTenant(domain.host))?.id).toBe(tenant.id);
    expect((await verifyDomain(tenant, domain.host)).verifiedAt).toEqual(verified.verifiedAt);

    const other = await createTown();
    await expectInvalid(addDomain(other.tenant, domain.host), "domainTaken");
    expect(await failureOf(verifyDomain(other.tenant, domain.host))).toBeInstanceOf(NotFoundInTenant);
  });

  it("accepts a value stored with the quotes someone pasted", async () => {
    const { tenant, domain } = await claimed();
    dns.txt.set(challengeName(domain.host), [[`"${challengeValue(domain.verificationToken)}"`]]);
    expect((await verifyDomain(tenant, domain.host)).verifiedAt).toBeInstanceOf(Date);
  });
});

describe("removing a custom domain", () => {
  it("stops serving the town there; another town cannot remove it", async () => {
    const { tenant } = await createTown();
    const other = await createTown();
    const domain = await addDomain(tenant, newHost());
    dns.txt.set(challengeName(domain.host), [[challengeValue(domain.verificationToken)]]);
    await verifyDomain(tenant, domain.host);
    expect((await resolveTenant(domain.host))?.id).toBe(tenant.id);

    expect(await failureOf(removeDomain(other.tenant, domain.host))).toBeInstanceOf(NotFoundInTenant);
    expect((await resolveTenant(domain.host))?.id).toBe(tenant.id);

    await removeDomain(tenant, domain.host.toUpperCase());
    expect(await resolveTenant(domain.host)).toBeNull();
    expect(await listDomains(tenant)).toEqual([]);
    expect(await failureOf(removeDomain(tenant, domain.host))).toBeInstanceOf(NotFoundInTenant);
  });
});
