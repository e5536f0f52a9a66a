"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export type SubNavLink = { href: string; label: string };

/** The link for this page: the longest href that is the path or a folder above it (/staff/requests/42 → /staff/requests). */
export function currentHref(pathname: string, links: readonly SubNavLink[]): string | undefined {
  return links
    .map((l) => l.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** The admin and staff section navigation; the current page is marked for screen readers (aria-current) and visibly. */
export function SubNav({ label, links, children }: { label: string; links: SubNavLink[]; children?: ReactNode }) {
  const current = currentHref(usePathname(), links);
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2 border-b border-zinc-300 pb-3">
      {links.map((l) => (
        <Link key={l.href} href={l.href} aria-current={l.href === current ? "page" : undefined}
          className="rounded bg-white px-3 py-2 font-semibold text-zinc-900 underline-offset-2 shadow-sm hover:underline aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white aria-[current=page]:underline">
          {l.label}
        </Link>
      ))}
      {children}
    </nav>
  );
}
