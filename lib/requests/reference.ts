import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: references are read out over the phone.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** Whether `value` looks like a reference (any case), e.g. from a query string. */
export function isReference(value: unknown): value is string {
  return typeof value === "string" && /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/i.test(value);
}

/** A short reference like "K7QM-3XDP" that a resident can read to staff. */
export function newReference(): string {
  const pick = () => ALPHABET[randomInt(ALPHABET.length)];
  return `${Array.from({ length: 4 }, pick).join("")}-${Array.from({ length: 4 }, pick).join("")}`;
}
