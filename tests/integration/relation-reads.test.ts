import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NotFoundInTenant } from "@/lib/errors";
import { createRequest } from "@/lib/requests/mutations";
import { getRequestForStaff } from "@/lib/requests/queries";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { createTown, createUser, requestInput } from "./helpers/factories";
import { statementsOf } from "./helpers/statements";

// Relations are read in the parent's own statement (Prisma's relationJoins):
// a parent that is not there costs one SELECT, not one more per relation.

/** The statements that read or write data: not the transaction's BEGIN, scope or COMMIT. */
const dataStatements = (sql: string[]) =>
  sql.filter((s) => !/^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(s) && !s.includes("set_config("));

const RELATIONS = ["responses", "category", "notes", "assignments", "createdBy"] as const;

describe("relation reads", () => {
  it("reads an empty parent and any of its relations with one statement (generated includes)", async () => {
    const a = await createTown();
    const db = forTenant(a.tenant.id);
    await db.category.count(); // the pool exists
    await fc.assert(fc.asyncProperty(
      fc.subarray([...RELATIONS], { minLength: 1 }), fc.constantFrom("findMany", "findFirst"), fc.stringMatching(/^[a-z0-9-]{1,30}$/),
      async (relations, operation, id) => {
        const include = Object.fromEntries(relations.map((r) => [r, true]));
        let found: unknown = "unset";
        const sql = await statementsOf(async () => {
          found = await (db.helpRequest[operation] as (args: unknown) => Promise<unknown>)({ where: { id }, include });
        });
        expect(found).toEqual(operation === "findMany" ? [] : null);
        expect(dataStatements(sql)).toHaveLength(1);
      },
    ), { numRuns: 20 });
  });

  it("looks up a staff member's missing request with one statement and no audit row", async () => {
    const a = await createTown();
    const staff = await createUser("staff");
    const ctx = { id: a.tenant.id, defaultLocale: "nl" as const };
    await forTenant(a.tenant.id).category.count();
    const sql = await statementsOf(() => expect(getRequestForStaff(ctx, staff.id, "none-such", "nl")).rejects.toBeInstanceOf(NotFoundInTenant));
    expect(dataStatements(sql)).toHaveLength(1);
  });

  it("still returns every relation of a parent that exists", async () => {
    const a = await createTown();
    const staff = await createUser("staff");
    const ctx = { id: a.tenant.id, defaultLocale: "nl" as const };
    const { id } = await createRequest(ctx, requestInput(a.categories[0].id, { urgency: "NORMAL", ageGroup: "UNKNOWN", consentNote: "" }), { source: "PHONE", locale: "nl", staffId: staff.id });
    await forTenant(a.tenant.id).requestNote.create({ data: { tenantId: a.tenant.id, requestId: id, authorId: staff.id, body: "Called back" } });
    const detail = await getRequestForStaff(ctx, staff.id, id, "nl");
    expect(detail.createdBy).toMatchObject({ email: staff.email });
    expect(detail.notes).toMatchObject([{ body: "Called back", author: { email: staff.email } }]);
    expect(detail.assignments).toEqual([]);
    expect(detail.categoryLabel).toBe(`groceries-nl-${a.tenant.slug}`);
    expect(detail.createdAt).toBeInstanceOf(Date);
    expect(detail.notes[0].createdAt).toBeInstanceOf(Date);
  });
});
