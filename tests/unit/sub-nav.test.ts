import { describe, expect, it } from "vitest";
import { currentHref } from "@/components/ui/sub-nav";

const admin = [{ href: "/admin", label: "Towns" }, { href: "/admin/email", label: "E-mail" }];
const staff = [{ href: "/staff/requests", label: "Queue" }, { href: "/staff/requests-archive", label: "Archive" }];

describe("the sub-navigation's current page", () => {
  it.each([
    ["/admin", admin, "/admin"],
    ["/admin/email", admin, "/admin/email"],
    ["/admin/towns/t1", admin, "/admin"],
    ["/staff/requests/42", staff, "/staff/requests"],
    ["/staff/requests-archive", staff, "/staff/requests-archive"],
    ["/staff/dashboard", staff, undefined],
  ])("%s", (path, links, expected) => {
    expect(currentHref(path, links)).toBe(expected);
  });
});
