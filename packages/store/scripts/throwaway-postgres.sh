#!/bin/sh
# A throwaway PostgreSQL server for the store's tests, from the distribution's packages (Debian:
# `postgresql`). It listens on 127.0.0.1 only, keeps everything in one folder, and is stopped and
# deleted by `stop`. Run as root it runs the server as the `postgres` user (PostgreSQL refuses to
# run as root).
#
#   throwaway-postgres.sh bindir            print the server's bin folder; fails when not installed
#   throwaway-postgres.sh start DIR PORT    initdb in DIR, start on 127.0.0.1:PORT, print the URL
#   throwaway-postgres.sh stop DIR          stop the server and delete DIR
set -eu

bindir() {
  found=""
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then found="$dir"; fi
  done
  if [ -z "$found" ] && command -v initdb >/dev/null 2>&1; then
    found="$(dirname "$(command -v initdb)")"
  fi
  if [ -z "$found" ]; then
    echo "PostgreSQL is not installed (no initdb; Debian: apt-get install postgresql)" >&2
    return 1
  fi
  echo "$found"
}

# Runs a command as the owner of the server's files: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  bindir)
    bindir
    ;;
  start)
    dir="$2"
    port="$3"
    bin="$(bindir)"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # A test server: losing its data on a machine crash costs nothing, so it skips fsync.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir="$2"
    bin="$(bindir)"
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 bindir | start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
