# syntax=docker/dockerfile:1
# One image for every process of Helpt: the web server (default command), the
# worker (`node dist/worker.mjs`) and the migration job (`npm run db:deploy`).
# CI cannot pull base images, so it runs this image's contents instead: the
# files copied into the last stage, from a clean `npm ci --omit=dev`, with the
# same commands and environment, under Node 24 and Node 20
# (scripts/ci/production-artefact.sh reads the COPY lines of this file).

ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: every dependency, then `npm run build` -----------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npx prisma generate && npm run build

# --- production dependencies only (the Prisma CLI and its WASM engine among them)
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

# --- runtime -----------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production HOSTNAME=0.0.0.0 PORT=3000 NEXT_TELEMETRY_DISABLED=1
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json /app/prisma.config.ts ./
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/scripts/schema-engine-wasm.mjs ./scripts/schema-engine-wasm.mjs
COPY --from=build --chown=node:node /app/.next/standalone ./.next/standalone
COPY --from=build --chown=node:node /app/dist ./dist
# The official Node image's unprivileged user (uid 1000).
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", ".next/standalone/server.js"]
