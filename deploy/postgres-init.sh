#!/bin/sh
# First start of compose.yaml's PostgreSQL (docker-entrypoint-initdb.d): the two roles of
# docs/security.md "Database roles". `schakel_owner` owns the database and runs `migrate`;
# `schakel_app` is the least-privilege role of the web processes, workers and scheduler (its
# grants come from `manage.py audit_db_grants --app-role schakel_app --apply` after each
# migrate: compose.yaml's `migrate` service runs both).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$SCHAKEL_OWNER_PASSWORD" -v app_password="$SCHAKEL_APP_PASSWORD" <<'SQL'
CREATE ROLE schakel_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE schakel_app LOGIN PASSWORD :'app_password';
CREATE DATABASE schakel OWNER schakel_owner;
REVOKE ALL ON DATABASE schakel FROM PUBLIC;
GRANT CONNECT ON DATABASE schakel TO schakel_app;
\connect schakel
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO schakel_owner;
GRANT USAGE ON SCHEMA public TO schakel_app;
SQL
