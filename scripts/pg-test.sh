#!/usr/bin/env bash
# Makes sure a local PostgreSQL 15 runs with a `dockside_test` role (allowed to create
# databases: each test server gets a fresh one) and a `dockside_test` database, then prints
# the DATABASE_URL on stdout. Everything else goes to stderr, so callers can capture it:
#   DATABASE_URL="$(bash scripts/pg-test.sh)" npx vitest run --config vitest.server.config.ts
set -euo pipefail

VERSION=15
CLUSTER=main
ROLE=dockside_test
PASSWORD=dockside_test
DATABASE=dockside_test

log() { echo "pg-test: $*" >&2; }

as_postgres() {
	if [ "$(id -u)" = 0 ]; then
		su postgres -c "$1"
	else
		sudo -u postgres sh -c "$1"
	fi
}

if ! command -v pg_ctlcluster >/dev/null || [ ! -x "/usr/lib/postgresql/$VERSION/bin/postgres" ]; then
	log "installing Debian's postgresql (apt-get install -y postgresql)"
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
	log "creating cluster $VERSION/$CLUSTER"
	pg_createcluster "$VERSION" "$CLUSTER" >&2
fi

status=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { print $4 }')
port=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { print $3 }')
if [ "$status" != online ]; then
	log "starting cluster $VERSION/$CLUSTER on port $port"
	# Without systemd (containers, CI) pg_ctlcluster must start the server itself.
	pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" start >&2
fi

for _ in $(seq 1 50); do
	pg_isready -q -h 127.0.0.1 -p "$port" && break
	sleep 0.2
done
pg_isready -q -h 127.0.0.1 -p "$port" || {
	log "PostgreSQL does not answer on port $port"
	exit 1
}

# Idempotent: creates the role and database only when they are missing.
as_postgres "psql -p $port -v ON_ERROR_STOP=1 -q" >&2 <<SQL
DO \$\$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
		CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
	ELSE
		ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
	END IF;
END
\$\$;
SELECT 'CREATE DATABASE $DATABASE OWNER $ROLE'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DATABASE') \gexec
SQL

echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$port/$DATABASE"
