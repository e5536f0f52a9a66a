#!/usr/bin/env bash
# Helpt's database and logins on a fresh PostgreSQL server (README › two walls):
#   helpt      owns the schema: migrations, the worker, backups (may create databases, for restores)
#   helpt_app  owns nothing and does not bypass row-level security: what the web app works as
#   helpt_web  the web app's login, a member of helpt_app
#   helpt_system the system login (worker, platform console, sign-up, webhooks): every town's rows;
#              helpt_web is not a member of it (scripts/db/roles.ts is the same for the launchers)
# The official postgres image runs it once, on an empty data folder
# (/docker-entrypoint-initdb.d). Elsewhere run it as a superuser, e.g.
#   sudo -u postgres env HELPT_OWNER_PASSWORD=… HELPT_WEB_PASSWORD=… ./init-roles.sh
# (psql's usual PGHOST/PGPORT/PGPASSWORD apply). tests/e2e/production.spec.ts runs it.
set -euo pipefail
: "${HELPT_OWNER_PASSWORD:?set HELPT_OWNER_PASSWORD (the owner login helpt)}"
: "${HELPT_WEB_PASSWORD:?set HELPT_WEB_PASSWORD (the web login helpt_web)}"
: "${HELPT_SYSTEM_PASSWORD:?set HELPT_SYSTEM_PASSWORD (the system login helpt_system)}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  -v owner_password="$HELPT_OWNER_PASSWORD" -v web_password="$HELPT_WEB_PASSWORD" -v system_password="$HELPT_SYSTEM_PASSWORD" -v database="${HELPT_DATABASE:-helpt}" <<'SQL'
CREATE ROLE helpt LOGIN CREATEDB PASSWORD :'owner_password';
CREATE ROLE helpt_app NOLOGIN NOBYPASSRLS;
CREATE ROLE helpt_web LOGIN NOBYPASSRLS PASSWORD :'web_password';
CREATE ROLE helpt_system LOGIN NOBYPASSRLS PASSWORD :'system_password';
GRANT helpt_app TO helpt, helpt_system, helpt_web;
GRANT helpt_system TO helpt;
CREATE DATABASE :"database" OWNER helpt;
SQL
