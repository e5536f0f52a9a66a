import { fileURLToPath } from 'node:url'
import { defineConfig } from 'prisma/config'

// Prisma's native schema engine binary cannot be downloaded here; run the WASM engine
// through scripts/schema-engine-wasm.mjs instead (an explicit setting still wins).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL('./scripts/schema-engine-wasm.mjs', import.meta.url),
)

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed.ts',
  },
  datasource: {
    // Prisma 7 reads the URL from here, not from the schema. The placeholder only lets
    // commands that never connect (e.g. `prisma generate`) run without DATABASE_URL.
    url: process.env.DATABASE_URL ?? 'postgresql://localhost/helpt',
  },
})
