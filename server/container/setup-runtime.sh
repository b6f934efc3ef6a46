#!/bin/sh
# Runtime stage of the chromaspec image (server/container/Dockerfile), also run by CI on a plain
# Debian root: the user the server runs as (no login, no home but its data), and its data volume.
set -eu
groupadd --system --gid 10001 chroma
useradd --system --uid 10001 --gid chroma --home-dir /data --no-create-home --shell /usr/sbin/nologin chroma
mkdir -p /data /etc/chromaspec
chown chroma:chroma /data
chmod 0750 /data
