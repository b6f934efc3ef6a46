#!/bin/sh
# Build stage of the chromaspec image (server/container/Dockerfile), also run by CI on a plain
# Debian root: builds @chromaspec/server from the repository at SRC, packs it, and installs the
# tarball into APP the way a user's `npm install` would (its install script compiles the HNSW addon,
# portable), leaving APP ready to copy into the runtime image.
#   sh build.sh SRC APP
set -eu
SRC=$1
APP=$2
export DEBIAN_FRONTEND=noninteractive npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# The addon's toolchain (node-gyp: a C++17 compiler, make, python3).
if ! command -v g++ >/dev/null || ! command -v make >/dev/null || ! command -v python3 >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends g++ make python3 ca-certificates >/dev/null
fi

# TypeScript and the server's dependencies, enough to compile dist/. No install scripts: the addon
# is compiled once, below, by the packed package's own install script.
cd "$SRC"
npm ci --ignore-scripts --workspace server --include-workspace-root
npm run build --workspace server
PACKS=$(mktemp -d)
npm pack --workspace server --pack-destination "$PACKS" >/dev/null

mkdir -p "$APP"
cd "$APP"
echo '{ "private": true, "description": "chromaspec server, installed from its package" }' >package.json
CHROMASPEC_PORTABLE_BUILD=1 npm install --omit=dev --no-package-lock "$PACKS"/chromaspec-server-*.tgz
cp "$SRC/server/container/healthcheck.mjs" "$APP/healthcheck.mjs"
rm -rf "$PACKS"
npm cache clean --force >/dev/null 2>&1 || true
