import { describe, expect, it } from "vitest";
import { helptAdapter } from "@/lib/auth/adapter";
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

describe("blocked accounts", () => {
  it("lose their sessions at once", async () => {
    const user = await adapter.createUser!({ id: "x", email: `${uniqueSlug("b")}@example.be`, emailVerified: null });
    const sessionToken = uniqueSlug("session");
    await adapter.createSession!({ sessionToken, userId: user.id, expires: new Date(Date.now() + 60_000) });
    await prisma.user.update({ where: { id: user.id }, data: { blockedAt: new Date() } });
    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
  });
});
