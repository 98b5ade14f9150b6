#!/usr/bin/env bash
# systemd-oracle.sh: ask the installed systemd what it thinks of unit files.
#
# Usage: tools/oracle/systemd-oracle.sh UNIT_OR_DIR...
#
# For every unit file named (a directory stands for the unit files directly inside it),
# runs `systemd-analyze verify --man=no --generators=no ./NAME` from the unit's own folder,
# so that a drop-in folder NAME.d/*.conf beside the unit is read as well.
# Output, one record per line:
#   FILE<TAB>LINE<TAB>MESSAGE   one per diagnostic; LINE is 0 for messages about the whole unit
#   # rc=N FILE                 once per unit, N = exit status of verify (124 = timed out)
# FILE is spelled the way the unit was given on the command line; a drop-in is named by its
# folder under the unit's folder (e.g. dir/x.service.d/10-a.conf). Files outside the unit's
# folder (units pulled in from /lib/systemd/system, say) keep systemd's absolute path.
#
# Templates (name@.service) are passed as they are: systemd 252 verifies them as the
# instance name@i.service, so %i expands to "i" and unit-level messages say name@i.service.
#
# Environment: ORACLE_TIMEOUT (seconds per unit, default 60).
set -u

if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "systemd-oracle: systemd-analyze not found (Debian/Ubuntu: apt-get install -y systemd)" >&2
  exit 2
fi
if [ $# -eq 0 ]; then
  echo "usage: $0 UNIT_OR_DIR..." >&2
  exit 2
fi

# Fixed, predictable log output regardless of the caller's environment.
export LC_ALL=C SYSTEMD_LOG_COLOR=0 SYSTEMD_COLORS=0 SYSTEMD_LOG_LEVEL=info \
  SYSTEMD_LOG_TARGET=console SYSTEMD_LOG_LOCATION=0 SYSTEMD_LOG_TIME=0 SYSTEMD_LOG_TID=0 \
  SYSTEMD_PAGER=cat
unset SYSTEMD_UNIT_PATH
timeout_s=${ORACLE_TIMEOUT:-60}

unit_re='\.(service|socket|timer|path|mount|automount|swap|target|slice|device|scope)$'

units=()
for arg in "$@"; do
  if [ -d "$arg" ]; then
    while IFS= read -r f; do units+=("$f"); done < <(
      find "$arg" -mindepth 1 -maxdepth 1 \( -type f -o -type l \) | LC_ALL=C sort | grep -E "$unit_re")
  else
    units+=("$arg")
  fi
done

tab=$'\t'
for unit in "${units[@]}"; do
  dir=$(dirname -- "$unit")
  base=$(basename -- "$unit")
  if ! absdir=$(cd -- "$dir" 2>/dev/null && pwd -P); then
    printf '%s\t0\t%s\n' "$unit" "folder not found: $dir"
    echo "# rc=2 $unit"
    continue
  fi
  out=$(cd -- "$absdir" && timeout -k 5 "$timeout_s" \
        systemd-analyze verify --man=no --generators=no "./$base" 2>&1 </dev/null)
  rc=$?
  # Prefix used to turn systemd's absolute paths back into the caller's spelling.
  if [ "$dir" = "." ] && [ "${unit#./}" = "$unit" ]; then shown_dir=""; else shown_dir="$dir/"; fi
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    if [[ $line =~ ^(/[^:]*):([0-9]+):\ ?(.*)$ ]]; then
      path=${BASH_REMATCH[1]} lno=${BASH_REMATCH[2]} msg=${BASH_REMATCH[3]}
      case $path in
        "$absdir"/*) path=$shown_dir${path#"$absdir"/} ;;
      esac
      printf '%s\t%s\t%s\n' "$path" "$lno" "$msg"
    else
      printf '%s\t0\t%s\n' "$unit" "$line"
    fi
  done <<<"$out"
  echo "# rc=$rc $unit"
done
