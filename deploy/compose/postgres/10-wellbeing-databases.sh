#!/bin/bash
# One login role and one database per service, created when PostgreSQL initialises an empty data
# directory (the postgres image runs /docker-entrypoint-initdb.d/*.sh once). The passwords come
# from the environment: INGEST_DB_PASSWORD, MODEL_DB_PASSWORD and ALERT_DB_PASSWORD.
# The same file serves deploy/compose and the dev overlay of deploy/kubernetes.
set -euo pipefail

create_database() {
  local role=$1 database=$2 password=$3
  # psql's :"x" and :'x' quote the values as identifier and literal
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set=role="$role" --set=database="$database" --set=password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
SQL
}

create_database ingest_service wellbeing_ingest "${INGEST_DB_PASSWORD:?}"
create_database model_service wellbeing_model "${MODEL_DB_PASSWORD:?}"
create_database alert_service wellbeing_alert "${ALERT_DB_PASSWORD:?}"
