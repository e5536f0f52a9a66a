import { describe, expect, it } from "vitest";
import { helptAdapter } from "@/lib/auth/adapter";
import { absoluteEnd, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "@/lib/auth/session-limits";
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
    expect((await adapter.getSessionAndUser!(sessionToken))?.user).toMatchObject({ id: user.id, isPlatformAdmin: false });
    // The session callback reads the platform-admin flag from here, without a query of its own.
    await prisma.user.update({ where: { id: user.id }, data: { isPlatformAdmin: true } });
    expect((await adapter.getSessionAndUser!(sessionToken))?.user.isPlatformAdmin).toBe(true);
    await adapter.deleteSession!(sessionToken);
    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
  });
});

describe("session timeouts", () => {
  const newSession = async (createdAt: Date, expires: Date) => {
    const user = await adapter.createUser!({ id: "x", email: `${uniqueSlug("t")}@example.be`, emailVerified: null });
    const sessionToken = uniqueSlug("session");
    await prisma.session.create({ data: { sessionToken, userId: user.id, createdAt, expires } });
    return sessionToken;
  };
  const HOUR = 60 * 60 * 1000;

  it("end a session left idle past its deadline, and remove it", async () => {
    const token = await newSession(new Date(Date.now() - 30 * HOUR), new Date(Date.now() - 1000));
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
    expect(await prisma.session.count({ where: { sessionToken: token } })).toBe(0);
  });

  it("end an active session once it is older than the absolute limit", async () => {
    const createdAt = new Date(Date.now() - SESSION_ABSOLUTE_SECONDS * 1000 - HOUR);
    const token = await newSession(createdAt, new Date(Date.now() + HOUR));
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
    expect(await prisma.session.count({ where: { sessionToken: token } })).toBe(0);
  });

  it("push the idle deadline back on activity, never past the absolute limit", async () => {
    const createdAt = new Date(Date.now() - SESSION_ABSOLUTE_SECONDS * 1000 + 2 * HOUR);
    const token = await newSession(createdAt, new Date(Date.now() + HOUR));
    expect((await adapter.getSessionAndUser!(token))?.session.sessionToken).toBe(token);
    const updated = await adapter.updateSession!({ sessionToken: token, expires: new Date(Date.now() + SESSION_IDLE_SECONDS * 1000) });
    expect(updated?.expires.getTime()).toBe(absoluteEnd(createdAt).getTime());
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
