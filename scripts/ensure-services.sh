#!/usr/bin/env bash
# Start the local PostgreSQL, Redis and Mosquitto the test suite uses, if they are installed here but down.
# Services that are already up, or reached elsewhere through PAWGRAPH_TEST_* variables, are left alone.
set -u

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
mosquitto_up() { (exec 3<>/dev/tcp/127.0.0.1/1883) 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

wait_for() {  # wait_for <check-function> <name>
  for _ in $(seq 1 30); do "$1" && return 0; sleep 1; done
  echo "ensure-services: $2 did not come up" >&2
  return 1
}

if [ -z "${PAWGRAPH_TEST_POSTGRES_ADMIN_DSN:-}" ] && ! pg_up; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "ensure-services: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    wait_for pg_up PostgreSQL || exit 1
  else
    echo "ensure-services: PostgreSQL is not reachable on 127.0.0.1:5432 and not installed here;" >&2
    echo "  install it or set PAWGRAPH_TEST_POSTGRES_ADMIN_DSN" >&2
  fi
fi

if [ -z "${PAWGRAPH_TEST_REDIS_URL:-}" ] && ! redis_up; then
  if command -v redis-server >/dev/null 2>&1; then
    echo "ensure-services: starting Redis"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
    wait_for redis_up Redis || exit 1
  else
    echo "ensure-services: Redis is not reachable on 127.0.0.1:6379 and not installed here;" >&2
    echo "  install it or set PAWGRAPH_TEST_REDIS_URL" >&2
  fi
fi
if [ -z "${PAWGRAPH_TEST_MQTT_URL:-}" ] && ! mosquitto_up; then
  if command -v mosquitto >/dev/null 2>&1; then
    echo "ensure-services: starting Mosquitto"
    mosquitto -d -c /etc/mosquitto/mosquitto.conf || true
    wait_for mosquitto_up Mosquitto || exit 1
  else
    echo "ensure-services: Mosquitto is not reachable on 127.0.0.1:1883 and not installed here;" >&2
    echo "  install it or set PAWGRAPH_TEST_MQTT_URL" >&2
  fi
fi
exit 0
