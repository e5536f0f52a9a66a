// Imported first by the worker: production unless told otherwise, like the
// standalone web server. It must run before React is loaded, which picks its
// development or production build from NODE_ENV once (mixing them breaks rendering).
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
