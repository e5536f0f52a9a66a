/**
 * Text as a person could have typed it: control characters removed (tabs and
 * line breaks stay) and broken UTF-16 (a lone surrogate, only possible in
 * forged JSON) replaced. Neither can be stored: PostgreSQL rejects NUL, and
 * Prisma's engine rejects lone surrogates, each failing the whole statement.
 * Use as `z.string().overwrite(stripControl)` before trimming and length checks.
 */
export function stripControl(text: string): string {
  return text.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}
