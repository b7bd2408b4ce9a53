#!/usr/bin/env bash
# Build the single-user image and check it (needs a Docker engine; not part of `make test`,
# because CI machines here have only the Docker client). Usage: deploy/kubernetes/build-image.sh [TAG]
set -euo pipefail
cd "$(dirname "$0")/../.."
tag="${1:-humas-lab-singleuser:local}"
docker info >/dev/null 2>&1 || { echo "No Docker engine answers (docker info failed): cannot build here." >&2; exit 2; }
DOCKER_BUILDKIT=1 docker build -f deploy/kubernetes/Dockerfile -t "$tag" .
data_dir=/opt/humas-lab/datasets
out=$(docker run --rm "$tag" sh -c "id -un && labkit verify-data >/dev/null && echo verified && (touch $data_dir/x 2>/dev/null && echo writable || echo read-only)")
echo "$out"
[ "$(echo $out)" = "jovyan verified read-only" ] || { echo "The image does not behave as expected." >&2; exit 1; }
echo "Image $tag built and checked: runs as jovyan, bundled data verified and read-only."
