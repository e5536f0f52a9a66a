import { describe, expect, it } from "vitest";
import { helptAdapter } from "@/lib/auth/adapter";
import { issuedOn, sessionTokenFor } from "@/lib/auth/site-session";
import { prisma } from "@/lib/db/client";
import { uniqueSlug } from "./helpers/factories";

const adapter = helptAdapter(prisma);

describe("Auth.js adapter", () => {
  it("redeems a verification token once only", async () => {
    const identifier = `${uniqueSlug("u")}@example.be`;
    await adapter.createVerificationToken!({ identifier, token: "hashed", expires: new Date(Date.now() + 60_000) });
    expect(await adapter.useVerificationToken!({ identifier, token: "hashed" })).toMatchObject({ identifier });
    expect(await adapter.useVerificationToken!({ identifier, token: "hashed" })).toBeNull();
  });

  it("keeps one user per e-mail, case-insensitively", async () => {
    const email = `${uniqueSlug("Mixed")}@Example.be`;
    const user = await adapter.createUser!({ id: "ignored", email, emailVerified: null });
    expect((await adapter.getUserByEmail!(email.toLowerCase()))?.id).toBe(user.id);
    expect((await adapter.getUserByEmail!(email.toUpperCase()))?.id).toBe(user.id);
  });

  it("creates, reads and deletes database sessions", async () => {
    const user = await adapter.createUser!({ id: "x", email: `${uniqueSlug("s")}@example.be`, emailVerified: null });
    const sessionToken = uniqueSlug("session");
    await adapter.createSession!({ sessionToken, userId: user.id, expires: new Date(Date.now() + 60_000) });
    expect((await adapter.getSessionAndUser!(sessionToken))?.user.id).toBe(user.id);
    await adapter.deleteSession!(sessionToken);
    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
  });
});

describe("blocked accounts", () => {
  it("lose their sessions at once", async () => {
    const user = await adapter.createUser!({ id: "x", email: `${uniqueSlug("b")}@example.be`, emailVerified: null });
    const sessionToken = uniqueSlug("session");
    await adapter.createSession!({ sessionToken, userId: user.id, expires: new Date(Date.now() + 60_000) });
    await prisma.user.update({ where: { id: user.id }, data: { blockedAt: new Date() } });
    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
  });
});

describe("sessions per site", () => {
  it("answer only on the site they were issued on", async () => {
    const user = await adapter.createUser!({ id: "x", email: `${uniqueSlug("site")}@example.be`, emailVerified: null });
    const [leuven, gent, apex] = [helptAdapter(prisma, "leuven"), helptAdapter(prisma, "gent"), helptAdapter(prisma, "")];
    const sessionToken = sessionTokenFor("leuven");
    await leuven.createSession!({ sessionToken, userId: user.id, expires: new Date(Date.now() + 60_000) });
    expect((await leuven.getSessionAndUser!(sessionToken))?.user.id).toBe(user.id);
    expect(await gent.getSessionAndUser!(sessionToken)).toBeNull();
    expect(await apex.getSessionAndUser!(sessionToken)).toBeNull();
    // Another site can neither extend nor end it.
    expect(await gent.updateSession!({ sessionToken, expires: new Date(Date.now() + 120_000) })).toBeNull();
    await gent.deleteSession!(sessionToken);
    expect((await leuven.getSessionAndUser!(sessionToken))?.session.expires.getTime()).toBeLessThan(Date.now() + 61_000);
  });

  it("are not confused by a slug that starts a custom domain", () => {
    expect(issuedOn(sessionTokenFor("helpt.leuven.be"), "helpt")).toBe(false);
    expect(issuedOn(sessionTokenFor("helpt"), "helpt.leuven.be")).toBe(false);
    expect(issuedOn(sessionTokenFor(""), "")).toBe(true);
  });
});
