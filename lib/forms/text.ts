/**
 * Removes the control characters nobody types (tabs and line breaks stay).
 * NUL in particular cannot be stored: PostgreSQL rejects the whole statement.
 * Use as `z.string().overwrite(stripControl)` before trimming and length checks.
 */
export function stripControl(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}
