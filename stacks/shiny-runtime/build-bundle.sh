#!/usr/bin/env bash
# Builds the Shiny host's runtime bundle ONCE, on a throwaway Amazon Linux 2023 x86_64 machine
# WITH internet access (e.g. an EC2 instance in a public subnet of another VPC, or a container
# `amazonlinux:2023`): R from CRAN's source, the dashboards' R packages, and Posit's Shiny Server
# RPM (x86_64 only, hence the warehouse host's instance type). The warehouse host has no internet:
# it installs from this bundle, staged as a CDK asset by `SHINY_RUNTIME_BUNDLE=<path> npx sst deploy`.
#
#   R_VERSION=4.4.2 SHINY_SERVER_RPM_URL=https://download3.rstudio.org/centos8/x86_64/shiny-server-1.5.22.1017-x86_64.rpm \
#     ./build-bundle.sh /tmp/shiny-runtime.tar.gz
set -euo pipefail
out=${1:?usage: build-bundle.sh <output .tar.gz>}
R_VERSION=${R_VERSION:-4.4.2}
: "${SHINY_SERVER_RPM_URL:?set SHINY_SERVER_RPM_URL to the Shiny Server RPM from Posit for RHEL 8+ (x86_64)}"
RUNTIME_DEPS="readline libcurl openssl-libs libxml2 libpng libjpeg-turbo cairo pango libicu libgfortran libgomp bzip2-libs xz-libs pcre2 zlib libpq freetype fontconfig harfbuzz fribidi libtiff openblas"

dnf install -y gcc gcc-c++ gcc-gfortran make tar gzip readline-devel libcurl-devel openssl-devel libxml2-devel \
  libpng-devel libjpeg-turbo-devel cairo-devel pango-devel libicu-devel bzip2-devel xz-devel pcre2-devel zlib-devel \
  libpq-devel freetype-devel fontconfig-devel harfbuzz-devel fribidi-devel libtiff-devel openblas-devel $RUNTIME_DEPS

work=$(mktemp -d)
cd "$work"
curl -fsSLO "https://cran.r-project.org/src/base/R-4/R-${R_VERSION}.tar.gz"
tar -xzf "R-${R_VERSION}.tar.gz"
(cd "R-${R_VERSION}" && ./configure --prefix="/opt/R/${R_VERSION}" --enable-R-shlib --with-blas --with-lapack --without-x \
  && make -j"$(nproc)" && make install)
ln -sfn "/opt/R/${R_VERSION}" /opt/R/current
/opt/R/current/bin/Rscript -e 'install.packages(c("shiny", "DBI", "RPostgreSQL", "ggplot2", "plotly", "DT", "bslib", "jsonlite", "maps"), repos = "https://cloud.r-project.org", Ncpus = parallel::detectCores())'
/opt/R/current/bin/Rscript -e 'for (p in c("shiny", "DBI", "RPostgreSQL", "ggplot2", "plotly", "DT", "bslib", "jsonlite", "maps")) library(p, character.only = TRUE)'

mkdir bundle
tar -czf bundle/opt-R.tar.gz /opt/R
curl -fsSL -o bundle/shiny-server.rpm "$SHINY_SERVER_RPM_URL"
tr ' ' '\n' <<<"$RUNTIME_DEPS" >bundle/dnf-packages.txt
tar -czf "$out" -C bundle .
echo "wrote $out"
