import { describe, expect, it } from "vitest";
import { envSchema } from "@/lib/env";
import { mapTiles } from "@/lib/maps/tiles";
import { contentSecurityPolicy } from "@/lib/security/csp";

const base = { DATABASE_URL: "postgresql://u:p@localhost/db", AUTH_SECRET: "x".repeat(32) };

describe("map tiles", () => {
  it("are off unless configured, and then only their server may serve images", () => {
    expect(mapTiles({})).toBeNull();
    expect(contentSecurityPolicy("n", false, null)).toMatch(/img-src 'self' data: blob:;/);
    const tiles = mapTiles({ MAP_TILE_URL: "https://tiles.example.org/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION: "© Example" });
    expect(tiles).toEqual({ url: "https://tiles.example.org/{z}/{x}/{y}.png", attribution: "© Example", origin: "https://tiles.example.org" });
    expect(contentSecurityPolicy("n", false, tiles)).toContain("img-src 'self' data: blob: https://tiles.example.org;");
  });

  it("must be an https template with {z}, {x} and {y}", () => {
    for (const bad of ["http://t.example/{z}/{x}/{y}.png", "https://t.example/{z}/{x}.png", "https://t.example/{z}/{x}/{y}.png' *"]) {
      expect(envSchema.safeParse({ ...base, MAP_TILE_URL: bad }).success, bad).toBe(false);
    }
    expect(envSchema.safeParse({ ...base, MAP_TILE_URL: "https://a.tile.example/{z}/{x}/{y}@2x.png?key=1" }).success).toBe(true);
  });
});
