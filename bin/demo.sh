#!/usr/bin/env bash
# One command from a fresh clone to a running Jiesu with demo data:
# installs dependencies, writes .env, creates the database role and databases,
# migrates, seeds the demo city, then starts the web server.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 24 ? 0 : 1)'; then
  echo "Jiesu needs Node.js 24 or newer (found $(node --version))." >&2
  exit 1
fi

[ -d node_modules/@adonisjs/core ] || npm ci --no-audit --no-fund

if [ ! -f .env ]; then
  key=$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64url"))')
  sed "s|^APP_KEY=.*|APP_KEY=${key}|" .env.example > .env
  echo "wrote .env with a fresh APP_KEY"
fi

node ace db:setup
node ace migration:run --force
node ace db:seed

url=$(grep -E '^APP_URL=' .env | cut -d= -f2-)
cat <<INFO

  接诉 Jiesu is starting at ${url}

  Demo logins (password for all: Jiesu@12345)
    admin@km12345.example       系统管理员 admin
    operator@km12345.example    话务员 operator
    supervisor@km12345.example  督办员 supervisor
    staff@km12345.example       呈贡区住建局 department_staff
    leader@km12345.example      呈贡区人民政府 department_leader
    auditor@km12345.example     审计员 auditor

  Background work: the worker (timers, mail) and a local SMTP sink run too;
  mail Jiesu sends is stored in storage/mail/*.eml.

INFO
# Worker and mail sink run beside the web server and stop with it (Ctrl-C).
node ace mail:sink &
sink=$!
node ace jobs:work &
worker=$!
trap 'kill -TERM $sink $worker 2>/dev/null; wait' EXIT INT TERM
# The built-in `serve` ignores SIGTERM; run the server entry point directly.
node --import=@poppinss/ts-exec bin/server.ts
