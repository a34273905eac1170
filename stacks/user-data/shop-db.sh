# --- shop-db.sh: EC2 #1, the shop's PostgreSQL 16 behind PgBouncer (transaction pooling) ---
# Exports: AWS_REGION, DATA_DEVICE, SHOP_APP_SECRET_ARN, SHOP_READER_SECRET_ARN,
#          DATABASE_URL_PARAMETER, SHOP_READONLY_URL_PARAMETER.
install_postgresql
dnf install -y pgbouncer

# PostgreSQL listens on loopback only: clients come through PgBouncer on 6432.
conf=/var/lib/pgsql/data/postgresql.conf
sed -i "s/^#\?listen_addresses.*/listen_addresses = 'localhost'/" "${conf}"
sed -i "s/^#\?password_encryption.*/password_encryption = 'scram-sha-256'/" "${conf}"
cat >/var/lib/pgsql/data/pg_hba.conf <<'HBA'
local all postgres peer
host  shop shop          127.0.0.1/32 scram-sha-256
host  shop warehouse_etl 127.0.0.1/32 scram-sha-256
HBA
systemctl enable --now postgresql

app_user=$(secret_field "${SHOP_APP_SECRET_ARN}" username)
app_pw=$(secret_field "${SHOP_APP_SECRET_ARN}" password)
reader_user=$(secret_field "${SHOP_READER_SECRET_ARN}" username)
reader_pw=$(secret_field "${SHOP_READER_SECRET_ARN}" password)

ensure_login_role "${app_user}" "${app_pw}"
ensure_database shop "${app_user}"
# The role the migration 1764800000000_warehouse-reader.sql grants to: created here first, so
# the shop's user (no CREATEROLE) can apply it. The ETL's user is a member and nothing more.
psql_admin <<'SQL'
SELECT 'CREATE ROLE warehouse_reader NOLOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'warehouse_reader') \gexec
SQL
ensure_login_role "${reader_user}" "${reader_pw}" warehouse_reader

install -d -o pgbouncer -g pgbouncer -m 0750 /etc/pgbouncer
# Clients reach PgBouncer over TLS only (PostgreSQL itself is on loopback).
dnf install -y openssl
self_signed_tls /etc/pgbouncer/tls pgbouncer
cat >/etc/pgbouncer/pgbouncer.ini <<INI
[databases]
shop = host=127.0.0.1 port=5432 dbname=shop

[pgbouncer]
listen_addr = 0.0.0.0
listen_port = 6432
auth_type = scram-sha-256
auth_file = /etc/pgbouncer/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 20
max_prepared_statements = 200
ignore_startup_parameters = extra_float_digits,options
admin_users = postgres
client_tls_sslmode = require
client_tls_key_file = /etc/pgbouncer/tls/server.key
client_tls_cert_file = /etc/pgbouncer/tls/server.crt
client_tls_protocols = tlsv1.2,tlsv1.3
INI
umask 077
printf '"%s" "%s"\n"%s" "%s"\n' "${app_user}" "${app_pw}" "${reader_user}" "${reader_pw}" >/etc/pgbouncer/userlist.txt
chown pgbouncer:pgbouncer /etc/pgbouncer/userlist.txt /etc/pgbouncer/pgbouncer.ini
chmod 0600 /etc/pgbouncer/userlist.txt
systemctl enable --now pgbouncer
systemctl restart pgbouncer

ip=$(imds local-ipv4)
publish_sst_secret "${DATABASE_URL_PARAMETER}" "postgresql://${app_user}:${app_pw}@${ip}:6432/shop?${PG_TLS_QUERY}"
publish_sst_secret "${SHOP_READONLY_URL_PARAMETER}" "postgresql://${reader_user}:${reader_pw}@${ip}:6432/shop?${PG_TLS_QUERY}"
log "shop database ready on ${ip}:6432 (PgBouncer, transaction pooling, TLS required)"
