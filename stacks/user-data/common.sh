# --- common.sh: shared by both PostgreSQL hosts (runs as root at first boot, after the exports) ---
# Everything reaches AWS through the VPC's endpoints (no NAT): AL2023's package repositories and
# CDK assets through the S3 gateway endpoint, Secrets Manager and SSM through interface endpoints.
export AWS_DEFAULT_REGION="${AWS_REGION}"
log() { echo "[compushop-boot] $*"; }

imds() {
  local token
  token=$(curl -sf -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 60")
  curl -sf -H "X-aws-ec2-metadata-token: ${token}" "http://169.254.169.254/latest/meta-data/$1"
}

# secret_field <secret arn> <json field>: a generated credential, never written to the log.
secret_field() {
  aws secretsmanager get-secret-value --secret-id "$1" --query SecretString --output text |
    python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2"
}

# publish_sst_secret <parameter name> <value>: what `npx sst secrets set` would write, so the
# bound Lambdas fetch this host's URL at their next cold start.
publish_sst_secret() {
  aws ssm put-parameter --name "$1" --type SecureString --overwrite --value "$2" >/dev/null
}

install_postgresql() {
  dnf install -y postgresql16 postgresql16-server python3 unzip
  # The data volume (it outlives the instance) holds the whole cluster.
  local device="${DATA_DEVICE}"
  for _ in $(seq 1 60); do [ -e "${device}" ] && break; sleep 5; done
  [ -e "${device}" ] || { log "data volume ${device} missing"; exit 1; }
  blkid "${device}" >/dev/null 2>&1 || mkfs.xfs "${device}"
  grep -q " /var/lib/pgsql " /etc/fstab || echo "${device} /var/lib/pgsql xfs defaults,nofail 0 2" >>/etc/fstab
  mountpoint -q /var/lib/pgsql || mount /var/lib/pgsql
  chown postgres:postgres /var/lib/pgsql && chmod 700 /var/lib/pgsql
  [ -f /var/lib/pgsql/data/PG_VERSION ] || postgresql-setup --initdb
}

# psql_admin: psql as the postgres superuser over the local socket (peer authentication).
psql_admin() { sudo -u postgres psql -v ON_ERROR_STOP=1 -X -q "$@"; }

# ensure_login_role <name> <password> [in-role]: creates or updates a login user.
ensure_login_role() {
  psql_admin -v name="$1" -v pw="$2" -v member="${3:-}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'name') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'name', :'pw') \gexec
SELECT format('GRANT %I TO %I', :'member', :'name') WHERE :'member' <> '' \gexec
SQL
}

# ensure_database <name> <owner>
ensure_database() {
  psql_admin -v db="$1" -v owner="$2" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
}

# self_signed_tls <dir> <owner>: a key and a self-signed certificate for this host (10 years),
# kept across reboots. Clients encrypt with sslmode=require (no CA to verify against: the hosts
# are reached only by their private address, from the security groups that admit them).
self_signed_tls() {
  local dir="$1" owner="$2" cn
  cn=$(imds local-hostname)
  install -d -o "${owner}" -g "${owner}" -m 0700 "${dir}"
  if [ ! -s "${dir}/server.crt" ]; then
    openssl req -new -x509 -days 3650 -nodes -newkey rsa:2048 -subj "/CN=${cn}" \
      -keyout "${dir}/server.key" -out "${dir}/server.crt" 2>/dev/null
  fi
  chown "${owner}:${owner}" "${dir}/server.key" "${dir}/server.crt"
  chmod 0600 "${dir}/server.key"
  chmod 0644 "${dir}/server.crt"
}

# What the Lambdas append to a published URL: encrypt without verifying the host's self-signed
# certificate. node-postgres treats a bare sslmode=require as verify-full; uselibpqcompat=true
# gives it libpq's meaning.
PG_TLS_QUERY="sslmode=require&uselibpqcompat=true"
