#!/bin/sh
# Starts the image's entrypoint from an image tarball without a container runtime: extracts the layers into a
# directory and runs the entrypoint there under chroot, as the image's user, in its own mount and PID namespace
# (with /proc and /dev, as a container has). Proves the image is self-contained: its own Java runtime, C
# libraries and the app, nothing from this machine. Needs root (unshare, chroot, mount), python3.
# Usage: sudo env DB_URL=... DB_USER=... DB_PASSWORD=... BRIDGEKEEPER_MASTER_KEY=... [PORT=8080] \
#          src/main/image/smoke.sh target/jib-image.tar [ROOTFS_DIR]
# The app's embedded PostgreSQL cannot run inside the image (it starts "sh", which the image has not):
# point DB_URL at a PostgreSQL server. Stop the app with SIGTERM to its java process.
set -eu
TAR="$1"
ROOT="${2:-$(mktemp -d /tmp/bridgekeeper-rootfs.XXXXXX)}"
python3 - "$TAR" "$ROOT" > "$ROOT.config" <<'PY'
import io, json, sys, tarfile
image, root = tarfile.open(sys.argv[1]), sys.argv[2]
def blob(digest):
    return image.extractfile("blobs/sha256/" + digest.split(":")[1]).read()
index = json.load(image.extractfile("index.json"))
manifest = json.loads(blob(index["manifests"][0]["digest"]))
config = json.loads(blob(manifest["config"]["digest"]))["config"]
for layer in manifest["layers"]:
    tarfile.open(fileobj=io.BytesIO(blob(layer["digest"]))).extractall(root, numeric_owner=True, filter="fully_trusted")
print(config["User"])
print(config.get("WorkingDir", "/"))
print("\0".join(config["Entrypoint"]))
PY
USER_SPEC=$(sed -n 1p "$ROOT.config")
echo "image root: $ROOT, user $USER_SPEC, entrypoint: $(sed -n 3p "$ROOT.config" | tr '\0' ' ')"
mkdir -p "$ROOT/proc" "$ROOT/dev"
# the entrypoint's arguments, NUL-separated, become the positional parameters
exec unshare --mount --pid --fork sh -c '
  mount -t proc proc "$0/proc" && mount --rbind /dev "$0/dev"
  root="$0"; user="$1"; shift
  exec env -i HOME=/tmp PORT="${PORT:-8080}" DB_URL="$DB_URL" DB_USER="${DB_USER:-postgres}" \
    DB_PASSWORD="${DB_PASSWORD:-}" BRIDGEKEEPER_MASTER_KEY="$BRIDGEKEEPER_MASTER_KEY" \
    DEMO_DATA="${DEMO_DATA:-false}" SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-production}" \
    "$(command -v chroot)" --userspec="$user" "$root" "$@"' "$ROOT" "$USER_SPEC" $(sed -n 3p "$ROOT.config" | tr '\0' ' ')
