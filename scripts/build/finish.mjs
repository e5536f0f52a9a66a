// The second half of `npm run build`, after `next build`: adds compile hints
// to the framework's chunks (compile-hints.mjs), completes the
// standalone server (Next.js leaves static files out of it) and compiles the
// worker to one plain JavaScript file. The result runs with `node` on an
// `npm ci --omit=dev` install: no tsx, no TypeScript, no build at start.
import { cpSync, existsSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { addCompileHints } from "./compile-hints.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const standalone = `${root}.next/standalone`;
if (!existsSync(`${standalone}/server.js`)) {
  console.error("No .next/standalone/server.js: run `next build` first (next.config.ts sets output: \"standalone\").");
  process.exit(1);
}

addCompileHints(`${root}.next`);

// What `next build` leaves for a CDN; here the server itself serves it.
rmSync(`${standalone}/.next/static`, { recursive: true, force: true });
cpSync(`${root}.next/static`, `${standalone}/.next/static`, { recursive: true });
if (existsSync(`${root}public`)) cpSync(`${root}public`, `${standalone}/public`, { recursive: true });

// Next.js has no "exports" map: Node's ESM loader finds `next/headers` only as `next/headers.js`.
const nextSubpathsAsFiles = {
  name: "next-subpaths-as-files",
  setup(b) {
    b.onResolve({ filter: /^next\/[a-z-]+$/ }, (args) => ({ path: `${args.path}.js`, external: true }));
  },
};

// Dependencies stay in node_modules (production dependencies only); our code,
// the generated Prisma client and the e-mail templates are bundled.
await build({
  entryPoints: [`${root}scripts/worker.ts`],
  outfile: `${root}dist/worker.mjs`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  jsx: "automatic",
  plugins: [nextSubpathsAsFiles],
  sourcemap: true,
  logLevel: "warning",
  // The generated client and some dependencies use require(); ESM has none of its own.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
});
console.log("Built .next/standalone (server.js, static files) and dist/worker.mjs.");
