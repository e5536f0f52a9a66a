import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseKeyword, START_WORDS, STOP_WORDS } from "@/lib/sms/keywords";

// How people really type a keyword: any case, accents added or dropped, any
// spacing (non-breaking and zero-width too) and punctuation around it.
const accented: Record<string, string[]> = { a: ["a", "à", "â"], e: ["e", "ê", "é", "è"], i: ["i", "î"], o: ["o", "ô"], u: ["u", "û"] };
const spelling = (word: string) =>
  fc.tuple(...[...word].map((c) => fc.tuple(fc.constantFrom(...(accented[c] ?? [c])), fc.boolean()))).map((cs) => cs.map(([c, up]) => (up ? c.toUpperCase() : c)).join(""));
const around = fc.array(fc.constantFrom(" ", "\t", "\n", "\u00a0", "\u200b", "\u3000", ".", "!", "?", '"', "*"), { maxLength: 4 }).map((cs) => cs.join(""));
const typed = (words: string[]) => fc.constantFrom(...words).chain((w) => fc.tuple(around, spelling(w), around).map(([a, s, b]) => ({ word: w, text: `${a}${s}${b}` })));

describe("STOP and START keywords", () => {
  it("covers the words the law and carriers expect in Dutch, French and English", () => {
    for (const w of ["stop", "stopp", "arret", "uitschrijven", "unsubscribe", "cancel", "end", "quit"]) expect(STOP_WORDS).toContain(w);
    expect(parseKeyword("ARRÊT")).toEqual({ action: "STOP", locale: "fr" });
    expect(parseKeyword("Uitschrijven")).toEqual({ action: "STOP", locale: "nl" });
    expect(parseKeyword("opt-out")).toEqual({ action: "STOP", locale: "en" });
    expect(parseKeyword("STOP")).toEqual({ action: "STOP", locale: null });
  });

  it("reads every STOP word however it is typed", () => {
    fc.assert(fc.property(typed(STOP_WORDS), ({ text }) => parseKeyword(text)?.action === "STOP"));
  });

  it("reads every START word however it is typed", () => {
    fc.assert(fc.property(typed(START_WORDS), ({ text }) => parseKeyword(text)?.action === "START"));
  });

  it("takes a sentence that merely contains a keyword for a message", () => {
    const letters = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), minLength: 1, maxLength: 8 });
    fc.assert(fc.property(typed([...STOP_WORDS, ...START_WORDS]), letters, fc.boolean(), ({ text }, other, before) => {
      const sentence = before ? `${other} ${text.trim()}` : `${text.trim()} ${other}`;
      return parseKeyword(sentence) === null;
    }));
  });

  it("never throws, and finds a keyword in arbitrary text only where its letters spell one", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 20 })), (s) => {
      if (parseKeyword(s) === null) return true;
      // Found one: then the text's letters are exactly a keyword's.
      const letters = s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}]/gu, "");
      return [...STOP_WORDS, ...START_WORDS].includes(letters);
    }));
    expect(parseKeyword("")).toBeNull();
    expect(parseKeyword("   ")).toBeNull();
    expect(parseKeyword("s t o p")).toBeNull();
  });
});
