# --- warehouse.sh: EC2 #2, the warehouse's PostgreSQL 16, and Shiny Server with the dashboards ---
# Exports: AWS_REGION, DATA_DEVICE, VPC_CIDR, WAREHOUSE_ETL_SECRET_ARN, WAREHOUSE_SHINY_SECRET_ARN,
#          WAREHOUSE_URL_PARAMETER, SHINY_APP_S3_URL, SHINY_RUNTIME_S3_URL (empty: no runtime staged).
install_postgresql

# The ETL connects from its Lambda's ENIs in the VPC (the security group narrows that to the ETL's
# group); Shiny connects over loopback.
conf=/var/lib/pgsql/data/postgresql.conf
sed -i "s/^#\?listen_addresses.*/listen_addresses = '*'/" "${conf}"
sed -i "s/^#\?password_encryption.*/password_encryption = 'scram-sha-256'/" "${conf}"
# TLS for every connection from the VPC: `hostssl` refuses the ETL's plain-text attempts.
dnf install -y openssl
self_signed_tls /var/lib/pgsql/tls postgres
sed -i "s/^#\?ssl = .*/ssl = on/" "${conf}"
sed -i "s|^#\?ssl_cert_file.*|ssl_cert_file = '/var/lib/pgsql/tls/server.crt'|" "${conf}"
sed -i "s|^#\?ssl_key_file.*|ssl_key_file = '/var/lib/pgsql/tls/server.key'|" "${conf}"
sed -i "s/^#\?ssl_min_protocol_version.*/ssl_min_protocol_version = 'TLSv1.2'/" "${conf}"
cat >/var/lib/pgsql/data/pg_hba.conf <<HBA
local   all       postgres              peer
hostssl warehouse etl      ${VPC_CIDR}  scram-sha-256
host    warehouse shiny    127.0.0.1/32 scram-sha-256
HBA
systemctl enable --now postgresql
systemctl restart postgresql

etl_user=$(secret_field "${WAREHOUSE_ETL_SECRET_ARN}" username)
etl_pw=$(secret_field "${WAREHOUSE_ETL_SECRET_ARN}" password)
shiny_user=$(secret_field "${WAREHOUSE_SHINY_SECRET_ARN}" username)
shiny_pw=$(secret_field "${WAREHOUSE_SHINY_SECRET_ARN}" password)

# The ETL owns the warehouse (it applies the migrations, etl/migrations); Shiny only reads.
ensure_login_role "${etl_user}" "${etl_pw}"
ensure_database warehouse "${etl_user}"
ensure_login_role "${shiny_user}" "${shiny_pw}" pg_read_all_data
psql_admin -v name="${shiny_user}" <<'SQL'
SELECT format('ALTER ROLE %I SET default_transaction_read_only = on', :'name') \gexec
SQL

ip=$(imds local-ipv4)
publish_sst_secret "${WAREHOUSE_URL_PARAMETER}" "postgresql://${etl_user}:${etl_pw}@${ip}:5432/warehouse?${PG_TLS_QUERY}"
log "warehouse ready on ${ip}:5432 (TLS required from the VPC)"

# R and Shiny Server are not in AL2023's repositories and this host has no internet: both come
# from a runtime bundle staged as a CDK asset (stacks/shiny-runtime/build-bundle.sh).
if [ -z "${SHINY_RUNTIME_S3_URL}" ]; then
  log "no Shiny runtime bundle staged (SHINY_RUNTIME_BUNDLE was unset at deploy): warehouse only"
  exit 0
fi
work=$(mktemp -d)
aws s3 cp "${SHINY_RUNTIME_S3_URL}" "${work}/runtime.tar.gz"
tar -xzf "${work}/runtime.tar.gz" -C "${work}"
# The bundle: opt-R.tar.gz (R and its library, built for AL2023), shiny-server.rpm, and
# dnf-packages.txt (the shared libraries they need, all in AL2023's repositories).
xargs -r dnf install -y <"${work}/dnf-packages.txt"
tar -xzf "${work}/opt-R.tar.gz" -C /
ln -sf /opt/R/current/bin/R /usr/local/bin/R
ln -sf /opt/R/current/bin/Rscript /usr/local/bin/Rscript
dnf install -y "${work}/shiny-server.rpm"

app=/srv/shiny-server/compushop
rm -rf "${app}" && install -d -m 0755 "${app}"
aws s3 cp "${SHINY_APP_S3_URL}" "${work}/app.zip"
unzip -q "${work}/app.zip" -d "${app}"
rm -rf "${app}/tests"
# R reads .Renviron from the app's directory when Shiny Server starts it there.
umask 077
echo "WAREHOUSE_URL=postgresql://${shiny_user}:${shiny_pw}@127.0.0.1:5432/warehouse" >"${app}/.Renviron"
chown -R shiny:shiny "${app}"
cat >/etc/shiny-server/shiny-server.conf <<'CONF'
run_as shiny;
server {
  listen 3838 0.0.0.0;
  location / {
    app_dir /srv/shiny-server/compushop;
    log_dir /var/log/shiny-server;
  }
}
CONF
systemctl enable shiny-server
systemctl restart shiny-server
rm -rf "${work}"
log "Shiny Server listening on 3838 (reached only through the internal ALB)"
