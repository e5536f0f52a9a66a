import { inflateSync } from "node:zlib";

const winAnsi = new TextDecoder("windows-1252");

/**
 * The text a react-pdf (pdfkit) document draws with the built-in fonts, one line per text object.
 * pdfkit Flate-compresses page content and writes each glyph run as a WinAnsi hex string
 * (`[<4c65> 12 <7576656e>] TJ`), one byte per character; kerning numbers between the strings are dropped.
 */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const [, data] of pdf.toString("latin1").matchAll(/>>\s*stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const content = inflateSync(Buffer.from(data, "latin1")).toString("latin1");
    for (const [, block] of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      const hex = [...block.matchAll(/<([0-9a-fA-F]*)>/g)].map(([, h]) => h).join("");
      lines.push(winAnsi.decode(Buffer.from(hex, "hex")));
    }
  }
  return lines.join("\n");
}

/** Number of pages in the document (page dictionaries are never compressed by pdfkit). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
}
