#!/usr/bin/env node
// Drop-in replacement for Prisma's native `schema-engine` binary, which cannot be
// downloaded on machines without internet access. The Prisma CLI runs it when
// PRISMA_SCHEMA_ENGINE_BINARY points here (prisma.config.ts sets that). It speaks the
// binary's protocol on top of @prisma/schema-engine-wasm, which reaches PostgreSQL
// through the @prisma/adapter-pg driver adapter instead of its own network stack.
//
// Protocol, as the CLI drives it:
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//     one-shot; failures are JSON log lines on stderr carrying an `error_code`.
//   schema-engine --datamodels <file>… --datasource '{"url":…}'
//     newline-delimited JSON-RPC 2.0 on stdin/stdout; the method names and params are
//     those of the WASM `SchemaEngine` class.
// Only protocol goes to stdout; diagnostics go to stderr.
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import * as wasmGlue from '@prisma/schema-engine-wasm/schema_engine_bg';

const argv = process.argv.slice(2);
const datamodelPaths = [];
let datasource = {};
let cliCommand;
let printVersion = false;
for (let i = 0; i < argv.length; i++) {
  // Other flags (--enabled-preview-features, --extension-types, …) mean nothing to the WASM engine.
  if (argv[i] === '--datamodels') datamodelPaths.push(argv[++i]);
  else if (argv[i] === '--datasource') datasource = JSON.parse(argv[++i]);
  else if (argv[i] === 'cli') cliCommand = argv[++i];
  else if (argv[i] === '--version' || argv[i] === '-V') printVersion = true;
}

const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
// Same shape as the native engine's tracing output, which the CLI parses from stderr.
const log = (level, message, extra = {}) =>
  process.stderr.write(`${JSON.stringify({ level, target: 'schema_engine::logger', fields: { message, ...extra } })}\n`);

/** node-postgres settings from a Prisma-style postgresql:// URL. */
function pgConfig(url) {
  if (!url) throw new Error('No datasource url was given to the schema engine (set it in prisma.config.ts).');
  const u = new URL(url);
  const q = u.searchParams;
  const sslmode = q.get('sslmode');
  const schema = q.get('schema');
  return {
    host: q.get('host') || decodeURIComponent(u.hostname).replace(/^\[|\]$/g, '') || 'localhost',
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || 'postgres',
    ssl: ['require', 'verify-ca', 'verify-full'].includes(sslmode) ? { rejectUnauthorized: sslmode !== 'require' } : undefined,
    max: q.has('connection_limit') ? Number(q.get('connection_limit')) : undefined,
    // The native engine scopes everything to `?schema=`; the adapter only reports it.
    options: schema ? `-c search_path="${schema}"` : undefined,
    schema: schema ?? undefined,
  };
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

async function adminQuery(config, sql) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

// The engine reads pg_catalog columns of Postgres' internal `"char"` type (OID 18), which
// adapter-pg refuses as an unsupported type. Let its mapping see them as text, then report
// them as Character, the type the engine expects. Patched on the shared base class so that
// transactions get it too.
const CHAR_OID = 18;
const TEXT_OID = 25;
const patched = new WeakSet();
function reportCharColumns(queryableProto) {
  if (patched.has(queryableProto)) return;
  patched.add(queryableProto);
  const { queryRaw } = queryableProto;
  queryableProto.queryRaw = async function (query) {
    let charColumns = [];
    const view = Object.create(this, {
      performIO: {
        value: async (q) => {
          const res = await this.performIO(q);
          charColumns = res.fields.flatMap((f, i) => (f.dataTypeID === CHAR_OID ? [i] : []));
          return { ...res, fields: res.fields.map((f) => (f.dataTypeID === CHAR_OID ? { ...f, dataTypeID: TEXT_OID } : f)) };
        },
      },
    });
    const result = await queryRaw.call(view, query);
    for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
}

class EngineAdapterFactory extends PrismaPg {
  async connect() {
    const adapter = await super.connect();
    reportCharColumns(Object.getPrototypeOf(Object.getPrototypeOf(adapter)));
    // adapter-pg splits scripts on every `;`, which breaks migrations with semicolons in
    // strings or function bodies. Like the native engine, send the script as one simple query.
    adapter.executeScript = (script) => adapter.client.query(script).then(() => undefined, (e) => adapter.onError(e));
    return adapter;
  }

  // Replaces adapter-pg's version, which drops the shadow database while its own pool is
  // still connected (so the DROP fails) and leaks the pool it created it with.
  async connectToShadowDb() {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await adminQuery(this.config, `CREATE DATABASE ${quoteIdent(database)}`);
    // Explicit `database` (not a connection string, which would take precedence over it).
    const shadow = await new EngineAdapterFactory({ ...this.config, database }, this.options).connect();
    const closePool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closePool();
      await adminQuery(this.config, `DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    };
    return shadow;
  }
}

/** The one-shot `cli <command>` mode: plain SQL, no WASM needed. */
async function runCliCommand(command) {
  log('INFO', `Running ${command}`); // the CLI ignores the first stderr line
  const config = pgConfig(datasource.url);
  const server = `${config.host}:${config.port}`;
  const maintenance = { ...config, database: 'postgres' };
  try {
    if (command === 'can-connect-to-database') await adminQuery(config, 'SELECT 1');
    else if (command === 'create-database') await adminQuery(maintenance, `CREATE DATABASE ${quoteIdent(config.database)}`);
    else if (command === 'drop-database') await adminQuery(maintenance, `DROP DATABASE ${quoteIdent(config.database)}`);
    else throw new Error(`Unknown cli command: ${command}`);
  } catch (e) {
    // The CLI only acts on P1003 (it then runs create-database); the others are for display.
    const [error_code, message] = {
      '3D000': ['P1003', `Database \`${config.database}\` does not exist on the database server at \`${server}\`.`],
      '42P04': ['P1009', `Database \`${config.database}\` already exists on the database server at \`${server}\`.`],
      '28P01': ['P1000', `Authentication failed against database server at \`${server}\`: ${e.message}`],
      ECONNREFUSED: ['P1001', `Can't reach database server at \`${server}\`.`],
      ENOTFOUND: ['P1001', `Can't reach database server at \`${server}\`.`],
    }[e.code] ?? [undefined, e.message];
    log('ERROR', message, { error_code });
    process.exit(1);
  }
  process.exit(0);
}

async function loadWasm() {
  // Node 20 cannot `import` a .wasm file (what schema_engine.js does), so wire the glue up by hand.
  const wasmUrl = new URL('schema_engine_bg.wasm', import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const { instance } = await WebAssembly.instantiate(await readFile(wasmUrl), { './schema_engine_bg.js': wasmGlue });
  wasmGlue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

async function startEngine() {
  await loadWasm();
  const datamodels = await Promise.all(datamodelPaths.map(async (path) => [path, await readFile(path, 'utf8')]));
  const { schema, ...config } = pgConfig(datasource.url);
  // Unbound methods would lose `this` when the engine calls them, hence the binding helper.
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new EngineAdapterFactory(config, { schema }));
  const forwardLog = (line) => process.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
  return wasmGlue.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, forwardLog, adapterFactory);
}

// The WASM engine reports the message of a Rust panic here (the thrown error only says "unreachable").
let panicMessage;
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (panicMessage = message) };

const METHODS = new Set(
  Object.getOwnPropertyNames(wasmGlue.SchemaEngine.prototype).filter((name) => !/^(constructor|free|__)/.test(name)),
);
const ALIASES = { getDatabaseVersion: 'version' }; // the CLI's name for it, used in error reports

let engine; // started on first request, so that connection errors become RPC errors
let nextCliRequest = 0;
const cliResponses = new Map();
function requestFromCli(method, params) {
  const id = `shim-${++nextCliRequest}`;
  return new Promise((resolve) => {
    cliResponses.set(id, resolve);
    send({ jsonrpc: '2.0', method, params, id });
  });
}

// The WASM engine can only replay migrations into a shadow database (to learn the schema they
// produce) in diagnoseMigrationHistory/devDiagnostic, which cache the result for the migrations
// *applied* at that time; evaluateDataLoss and createMigration only read that cache. After
// `migrate dev` has applied pending migrations the cache misses, so fill it and retry.
const READS_MIGRATION_CACHE = new Set(['evaluateDataLoss', 'createMigration']);
async function call(schemaEngine, name, params) {
  try {
    return await schemaEngine[name](params);
  } catch (e) {
    if (!READS_MIGRATION_CACHE.has(name) || !/shadow DB must be provided/.test(e.message)) throw e;
    const { migrationsList, filters } = params;
    await schemaEngine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });
    return schemaEngine[name](params);
  }
}

async function handle({ id, method, params }) {
  try {
    const name = ALIASES[method] ?? method;
    if (!METHODS.has(name)) {
      send({ jsonrpc: '2.0', id, error: { code: -32601, message: `Method not found: ${method}` } });
      return;
    }
    engine ??= startEngine();
    let result = await call(await engine, name, params);
    if (name === 'diff') {
      // The native engine prints the diff through the CLI (so that `--output` can capture it).
      if (result.stdout != null) await requestFromCli('print', { content: result.stdout });
      result = { exitCode: result.exitCode };
    }
    send({ jsonrpc: '2.0', id, result: result ?? null });
  } catch (e) {
    const isPanic = e instanceof WebAssembly.RuntimeError;
    const message = (isPanic && panicMessage) || e?.message || String(e);
    // The native engine's error shape; the WASM errors carry no Prisma error code.
    const data = { is_panic: isPanic, message, meta: {}, error_code: null };
    send({ jsonrpc: '2.0', id, error: { code: 4466, message, data } });
    if (isPanic) process.exit(101); // the WASM instance is unusable after a panic
  }
}

if (printVersion) {
  // `prisma -v` shows this (the native binary prints its name and engines commit).
  await loadWasm();
  console.log(`schema-engine-cli ${wasmGlue.version()}`);
} else if (cliCommand) {
  await runCliCommand(cliCommand);
} else {
  // The engine needs exclusive access (its methods take `&mut self`): one request at a time.
  let queue = Promise.resolve();
  createInterface({ input: process.stdin, crlfDelay: Infinity })
    .on('line', (line) => {
      if (!line.trim()) return;
      const message = JSON.parse(line);
      if (message.method === undefined) {
        // A response to one of our own requests (`print`).
        cliResponses.get(message.id)?.(message);
        cliResponses.delete(message.id);
      } else {
        queue = queue.then(() => handle(message));
      }
    })
    // Open pools would keep Node alive after the CLI hangs up.
    .on('close', () => queue.then(() => process.exit(0)));
}
