#!/usr/bin/env bash
# Smoke-test a built bundle from outside the checkout: the bundle is copied to a temp folder
# and run there with a clean environment, so it can only use what it carries.
#   packaging/smoke_test.sh [dist/IKMDesk]
set -euo pipefail

BUNDLE="$(cd "${1:-$(dirname "$0")/../dist/IKMDesk}" && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ikmdesk-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cp -a "$BUNDLE" "$WORK/app"
APP="$WORK/app/ikmdesk"
cd "$WORK"

# No Python path, no checkout: only the bundle. Its user data folder is inside $WORK.
run() {
    env -i PATH=/usr/bin:/bin HOME="$WORK" LANG=C.UTF-8 IKMDESK_DATA_DIR="$WORK/userdata" \
        QT_QPA_PLATFORM=offscreen "$APP" "$@"
}
step() { printf 'smoke: %s\n' "$*"; }
fail() { printf 'smoke: FAILED: %s\n' "$*" >&2; exit 1; }

step "--version"
run --version | grep -q '^ikmdesk ' || fail "--version"

step "init (officer and supervisor)"
run init --db officer.db --role officer --name "Siti Rahmawati" --nip 198703122010012003 >/dev/null
run init --db kantor.db --role supervisor --name "Budi Santoso" --nip 197605151998031004 >/dev/null

step "demo --enterprises 20 --visits 50"
run init --db demo.db --role officer --name "Rina Demo" --nip 199001012015032001 >/dev/null
run demo --db demo.db --enterprises 20 --visits 50 >/dev/null

step "report visit"
VISIT="$(run list visits --db demo.db --json | grep -oE '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' | head -1)"
[ -n "$VISIT" ] || fail "no visit listed"
run report visit --db demo.db --visit "$VISIT" --out kunjungan.pdf >/dev/null
[ "$(head -c 5 kunjungan.pdf)" = "%PDF-" ] || fail "report is not a PDF"

step "registry import"
printf 'Nama IKM,Nama pemilik,Kecamatan,Klaster,No HP\n%s\n%s\n' \
    "Keripik Pisang Bu Ani,Ani Rahmawati,Kaliorang,pisang,081234567890" \
    "Cokelat Karangan,Rudi Hartono,Karangan,kakao,081298765432" > ikm.csv
run import registry --db officer.db ikm.csv >/dev/null
run list enterprises --db officer.db --json | grep -q '"id"' || fail "no enterprise imported"

# The demo officer's package carries only its own work (its stand-in colleagues and supervisor
# keep theirs), so the office set up with init accepts it, as a real first exchange.
step "sync: demo officer to the office and back"
run device export-key --db demo.db --out petugas.json >/dev/null
run device trust --db kantor.db petugas.json >/dev/null
run sync export --db demo.db --out paket.ikmsync --plain >/dev/null 2>&1
[ -s paket.ikmsync ] || fail "no package written"
run sync import --db kantor.db paket.ikmsync --json > import.json || fail "import refused: $(cat import.json)"
grep -q '"applied": [1-9]' import.json || fail "import applied nothing: $(cat import.json)"
[ "$(run list enterprises --db kantor.db --json | grep -o '"id"' | wc -l)" -ge 20 ] \
    || fail "the demo's IKMs did not arrive"
run device export-key --db kantor.db --out kantor.json >/dev/null
run device trust --db demo.db kantor.json >/dev/null
run sync export --db kantor.db --out balasan.ikmsync --plain >/dev/null 2>&1
run sync import --db demo.db balasan.ikmsync --json > reply.json || fail "reply refused: $(cat reply.json)"
grep -q '"applied"' reply.json || fail "reply reported nothing: $(cat reply.json)"

step "window offscreen for 5 s"
set +e
# Not through run(): a function would put a subshell between $! and the app, and killing
# the subshell would leave the window running (holding stdout open).
env -i PATH=/usr/bin:/bin HOME="$WORK" LANG=C.UTF-8 IKMDESK_DATA_DIR="$WORK/userdata" \
    QT_QPA_PLATFORM=offscreen "$APP" --db demo.db > /dev/null 2> window.err &
PID=$!
sleep 5
if ! kill -0 "$PID" 2>/dev/null; then
    wait "$PID"
    fail "the window exited early ($?): $(cat window.err)"
fi
kill "$PID"
wait "$PID" 2>/dev/null
kill -0 "$PID" 2>/dev/null && kill -9 "$PID"
set -e
# Qt's offscreen platform notes that it cannot resize native windows; that is not an error.
if grep -v -e 'propagateSizeHints' -e '^$' window.err | grep -q .; then
    fail "the window wrote to stderr: $(cat window.err)"
fi

SIZE="$(du -sm "$BUNDLE" | cut -f1)"
step "passed (bundle ${SIZE} MiB)"
