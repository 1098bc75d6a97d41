# Source me: makes sure a local PostgreSQL runs and exports KOSMOS_DATABASE_URL for it.
# Uses Debian's postgresql package (installed when absent) and pg_ctlcluster.
set -e
if ! command -v pg_ctlcluster >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  scripts/apt-install.sh postgresql
fi
PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$PG_VERSION main"; then
  pg_createcluster "$PG_VERSION" main >/dev/null
fi
pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='kosmos'\"" | grep -q 1 || \
  su postgres -c "psql -qc \"CREATE ROLE kosmos LOGIN CREATEDB PASSWORD 'kosmos'\""
# The test role does not wait for the disk on commit: a crash may lose the last transactions of a
# test run, never corrupt data; transactional tests and their table flushes get much cheaper.
su postgres -c "psql -qc \"ALTER ROLE kosmos SET synchronous_commit = off\"" >/dev/null
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='kosmos'\"" | grep -q 1 || \
  su postgres -c "createdb -O kosmos kosmos"
export KOSMOS_DATABASE_URL="postgres://kosmos:kosmos@127.0.0.1:5432/kosmos"
set +e
