/** See compile-hints.mjs (plain JavaScript: `npm run build` runs it with node). */
export function addCompileHints(nextDir: string): number;
