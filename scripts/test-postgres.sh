#!/usr/bin/env bash
# Run the test suite against a PostgreSQL server instead of SQLite files. Installs nothing.
#   IKMDESK_TEST_POSTGRES_URL=postgresql+psycopg://user@host:port/postgres scripts/test-postgres.sh [pytest args]
# The URL names a database the user may connect to and CREATE DATABASE from (the suite makes
# and drops one database per test). Without pytest args the whole suite runs.
# scripts/throwaway-postgres.sh starts a disposable server for it.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${IKMDESK_TEST_POSTGRES_URL:?set IKMDESK_TEST_POSTGRES_URL to a PostgreSQL server URL}"
export IKMDESK_TEST_POSTGRES_URL QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
exec uv run pytest "$@"
