// The dependency rules tests/unit/dependency-rules.test.ts enforces (it runs in
// `npm test`). Type-only imports count for cycles (they tie files together for a
// reader as much as any import) but not for what reaches the browser or the database.

/** The database clients: Prisma's generated client, the owner/web pool, the system login. */
const DATABASE_CLIENT = "^(generated/prisma/client|lib/db/client|lib/tenancy/system)[.]ts$";

/**
 * Modules that only work on the server: the database and its error helpers,
 * tenant scoping, request headers, the session and role checks (Auth.js, which
 * reads cookies and the database). Components get such data as props from the
 * page; "use server" action files are fine to import (they become references).
 */
const SERVER_ONLY = [
  "^generated/prisma/client[.]ts$",
  "^lib/db/",
  "^lib/tenancy/(for-tenant|system|second-wall|scope-signature|current|from-request|site)[.]ts$",
  "^lib/auth/(auth|adapter|session|guard|platform|magic-link|sign-in-link)[.]ts$",
  "(^|/)node_modules/next/headers[.]js$",
  "(^|/)node_modules/server-only/",
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-folder-cycles",
      comment: "lib/ folders form layers: if a folder imports another, that one must not import it back, however indirectly.",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/" },
      to: { path: "^lib/", circular: true },
    },
    {
      name: "no-file-cycles",
      comment: "No module imports itself back through others.",
      severity: "error",
      from: { path: "^(app|components|emails|i18n|lib)/" },
      to: { circular: true },
    },
    {
      name: "no-database-client-in-app",
      comment: "Pages, layouts, route handlers and components reach data through lib/<capability>/, never the client itself.",
      severity: "error",
      from: { path: "^(app|components)/" },
      to: { path: DATABASE_CLIENT, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-server-only-in-components",
      comment: "Components render what they are given; data, sessions and headers are the page's business.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: SERVER_ONLY, dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
  },
};
