#!/usr/bin/env bash
# Install the Humas Lab hub on one Debian/Ubuntu server (run as root). See docs/hub.md.
#
#   sudo deploy/single-machine/install.sh --trainers pelatih1,pelatih2 [--trainees peserta.txt]
#
# What it does (each step is skipped when already done, so it can be run again to update):
#   1. Debian packages: python3-venv, nodejs, npm, git (only those missing).
#   2. A Python environment at $PREFIX/venv with the lab (this checkout) and its hub extra
#      (jupyterhub, jupyterhub-idle-culler, nbgitpuller); Node's configurable-http-proxy at $PREFIX/chp.
#   3. The bundled data copied to $DATA/datasets, read-only for everyone; the exchange folder
#      $DATA/kumpul (trainees write their own folder in it, only trainers read it); the hub's state $DATA/hub.
#   4. Settings in $ETC/hub.env (passwords generated once, printed at the end; kept on later runs).
#   5. Trainee and trainer accounts from --trainees/--trainers (labkit akun-peserta).
#   6. A systemd service humas-lab-hub (unless --no-service), started at once.
#
# Options: --prefix DIR (default /opt/humas-lab)  --data DIR (default /srv/humas-lab)
#          --etc DIR (default /etc/humas-lab)     --port N (default 8000)   --ip ADDR (default 127.0.0.1)
#          --python PATH (default /usr/bin/python3)  --no-service  --no-apt
set -euo pipefail

PREFIX=/opt/humas-lab
DATA=/srv/humas-lab
ETC=/etc/humas-lab
PORT=8000
IP=127.0.0.1
PYTHON=/usr/bin/python3
SERVICE=1
APT=1
TRAINERS=""
TRAINEES=""
SOURCE="$(cd "$(dirname "$0")/../.." && pwd)"

say() { printf '\n== %s\n' "$*"; }
die() { printf 'GAGAL / FAILED: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    --etc) ETC="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --ip) IP="$2"; shift 2 ;;
    --python) PYTHON="$2"; shift 2 ;;
    --trainers) TRAINERS="$2"; shift 2 ;;
    --trainees) TRAINEES="$2"; shift 2 ;;
    --no-service) SERVICE=0; shift ;;
    --no-apt) APT=0; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

[ "$(id -u)" = 0 ] || die "run as root (sudo): the hub creates one system user per trainee"
[ -f "$SOURCE/pyproject.toml" ] || die "run from a Humas Lab checkout ($SOURCE has no pyproject.toml)"

say "1/6 Debian packages"
if [ "$APT" = 1 ]; then
  missing=()
  "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  command -v git >/dev/null || missing+=(git)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
fi
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
  || die "$PYTHON is older than Python 3.11"
command -v npm >/dev/null || die "npm is missing (apt-get install npm)"

say "2/6 Python environment $PREFIX/venv and configurable-http-proxy"
install -d -m 0755 "$PREFIX"
[ -x "$PREFIX/venv/bin/python" ] || "$PYTHON" -m venv "$PREFIX/venv"
"$PREFIX/venv/bin/python" -m pip install --quiet --upgrade pip
"$PREFIX/venv/bin/python" -m pip install --quiet "$SOURCE[hub]"
if [ ! -x "$PREFIX/chp/node_modules/.bin/configurable-http-proxy" ]; then
  npm install --silent --no-fund --no-audit --prefix "$PREFIX/chp" configurable-http-proxy
fi
install -m 0644 "$SOURCE/deploy/single-machine/jupyterhub_config.py" "$PREFIX/jupyterhub_config.py"
chmod -R a+rX "$PREFIX"

say "3/6 Data (read-only), exchange folder, hub state under $DATA"
install -d -m 0755 "$DATA"
rm -rf "$DATA/datasets.new" && cp -r "$SOURCE/datasets" "$DATA/datasets.new"
chown -R root:root "$DATA/datasets.new" && chmod -R a+rX,go-w "$DATA/datasets.new"
rm -rf "$DATA/datasets" && mv "$DATA/datasets.new" "$DATA/datasets"
getent group humaslab-pelatih >/dev/null || groupadd --system humaslab-pelatih
# exchange: trainers (group) list and read it; trainees only pass through to their own folder
install -d -o root -g humaslab-pelatih -m 2771 "$DATA/kumpul"
install -d -m 0700 "$DATA/hub"

say "4/6 Settings $ETC/hub.env"
install -d -m 0700 "$ETC"
if [ ! -f "$ETC/hub.env" ]; then
  room_password="$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(9))')"
  trainer_password="$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(30))')"
  umask 077
  cat > "$ETC/hub.env" <<ENV
HUMASLAB_WORKSHOP_PASSWORD=$room_password
HUMASLAB_TRAINER_PASSWORD=$trainer_password
HUMASLAB_TRAINERS=$TRAINERS
HUMASLAB_DATA_DIR=$DATA/datasets
HUMASLAB_EXCHANGE_DIR=$DATA/kumpul
HUMASLAB_STATE_DIR=$DATA/hub
HUMASLAB_CHP=$PREFIX/chp/node_modules/.bin/configurable-http-proxy
HUMASLAB_HUB_IP=$IP
HUMASLAB_HUB_PORT=$PORT
HUMASLAB_IDLE_TIMEOUT=3600
ENV
  [ -n "$TRAINEES" ] && echo "HUMASLAB_TRAINEES_FILE=$ETC/peserta.txt" >> "$ETC/hub.env"
  # where systemd runs the machine (an Ubuntu/Debian server), each trainee's server becomes a
  # systemd unit and its memory and CPU limits are enforced (SystemdSpawner, as The Littlest
  # JupyterHub does); elsewhere (a container) servers are plain processes without limits
  if [ -d /run/systemd/system ]; then
    echo "HUMASLAB_SPAWNER=systemd" >> "$ETC/hub.env"
  fi
  umask 022
fi
[ -n "$TRAINEES" ] && install -m 0644 "$TRAINEES" "$ETC/peserta.txt"

say "5/6 Accounts"
if [ -n "$TRAINEES" ] || [ -n "$TRAINERS" ]; then
  args=(akun-peserta --buat --exchange "$DATA/kumpul")
  [ -n "$TRAINEES" ] && args+=("$ETC/peserta.txt")
  [ -n "$TRAINERS" ] && args+=(--pelatih "$TRAINERS")
  "$PREFIX/venv/bin/labkit" "${args[@]}"
fi

say "6/6 Service"
if [ "$SERVICE" = 1 ] && command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  cat > /etc/systemd/system/humas-lab-hub.service <<UNIT
[Unit]
Description=Humas Lab JupyterHub
After=network.target

[Service]
EnvironmentFile=$ETC/hub.env
WorkingDirectory=$DATA/hub
ExecStart=$PREFIX/venv/bin/jupyterhub -f $PREFIX/jupyterhub_config.py
Restart=on-failure
# trainees' servers keep running when the hub restarts (JupyterHub reconnects to them)
KillMode=process

[Install]
WantedBy=multi-user.target
UNIT
  systemctl daemon-reload
  systemctl enable --now humas-lab-hub
  echo "Hub service started: systemctl status humas-lab-hub"
else
  echo "No service installed. Start the hub with:"
  echo "  set -a; . $ETC/hub.env; set +a; cd $DATA/hub && $PREFIX/venv/bin/jupyterhub -f $PREFIX/jupyterhub_config.py"
fi

echo
echo "Selesai / Done. Passwords are in $ETC/hub.env (root only):"
grep -E '^HUMASLAB_(WORKSHOP|TRAINER)_PASSWORD=' "$ETC/hub.env"
echo "Hub: http://$IP:$PORT (put it behind HTTPS; docs/hub.md)"
