#!/usr/bin/env bash
# stunnel-oracle.sh - ask the real stunnel whether configuration files load.
#
# Usage:
#   stunnel-oracle.sh FILE...          print one tab-separated verdict line per FILE
#   stunnel-oracle.sh --record DIR     judge DIR/*.conf and write DIR/verdicts.json
#
# Output line (one per FILE, in argument order):
#   FILE<TAB>VERDICT<TAB>LINE<TAB>MESSAGE
#     VERDICT  rejected  stunnel logged "Configuration failed"
#              accepted  stunnel logged "Configuration successful", or was still
#                        running when stopped, or went to the background
#              crashed   stunnel died from a signal (exit status >= 128)
#              error     the oracle itself could not run the file (missing file,
#                        stunnel not installed, unshare not permitted, ...)
#     LINE     line number named by stunnel ("path:LINE: ..."), else 0
#     MESSAGE  rejected with a line: the reason after the quoted line text;
#              rejected without a line: the "Service [x]: ...", "Global options: ..."
#              or "Inetd mode: ..." text; otherwise a short note (may be empty)
#   When the failing line sits in a file pulled in by "include", FILE names that
#   file (the path stunnel prints, made relative to the directory of the given
#   FILE argument) and LINE is its line number in that file.
#   Tabs, CRs and newlines inside FILE or MESSAGE are written as \t, \r and \n.
#
# Each file runs as:  timeout 5 unshare -n stunnel4 /abs/path/FILE
# from the file's own directory (stunnel resolves relative paths against the
# working directory) with stdin from /dev/null, inside a private network
# namespace so nothing is bound on the host. Files are not modified: a config
# that loads must say "foreground = yes" itself, or stunnel forks into the
# background (such processes are found and stopped afterwards). Once
# "Configuration successful" has been logged and stunnel is still running
# ORACLE_SETTLE seconds later, it is stopped early instead of waiting for the
# timeout.
#
# Environment:
#   STUNNEL         stunnel binary (default: stunnel4)
#   ORACLE_TIMEOUT  seconds before timeout(1) stops stunnel (default: 5)
#   ORACLE_SETTLE   seconds to keep a loaded config running to catch bind
#                   errors (default: 0.5)
#   ORACLE_JOBS     configs judged in parallel (default: 4)
#   ORACLE_KEEP_LOGS  if set to a directory, the full stunnel output of each
#                   config is copied there as <index>.log

set -u
shopt -s nullglob

STUNNEL=${STUNNEL:-stunnel4}
TIMEOUT=${ORACLE_TIMEOUT:-5}
SETTLE=${ORACLE_SETTLE:-0.5}
JOBS=${ORACLE_JOBS:-4}
KEEP_LOGS=${ORACLE_KEEP_LOGS:-}

die() { printf 'stunnel-oracle: %s\n' "$*" >&2; exit 2; }

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# Current time in integer microseconds, stored in NOW_US (no subshell).
now_us() {
  local t=${EPOCHREALTIME:-}
  if [[ -n $t ]]; then
    t=${t//[!0-9]/}
    NOW_US=$((10#$t))
  else
    NOW_US=$(($(date +%s%N) / 1000))
  fi
}

# Seconds (possibly fractional) to integer microseconds.
to_us() { awk -v s="$1" 'BEGIN { printf "%d", s * 1000000 }'; }

for v in TIMEOUT SETTLE; do
  [[ ${!v} =~ ^[0-9]+([.][0-9]+)?$ ]] || die "ORACLE_$v must be a number of seconds"
done
[[ $JOBS =~ ^[1-9][0-9]*$ ]] || die "ORACLE_JOBS must be a positive integer"
TIMEOUT_US=$(to_us "$TIMEOUT")
SETTLE_US=$(to_us "$SETTLE")

if [[ $EUID -eq 0 ]]; then
  UNSHARE=(unshare -n)
else
  UNSHARE=(unshare -rn)   # needs unprivileged user namespaces
fi

# Write a field on one TSV line: escape the characters that would break it.
field() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//$'\t'/\\t}
  s=${s//$'\r'/\\r}
  s=${s//$'\n'/\\n}
  printf '%s' "$s"
}

emit() { # file verdict line message
  printf '%s\t%s\t%s\t%s\n' "$(field "$1")" "$2" "$3" "$(field "$4")"
}

# Stop every process that carries the given token in its environment
# (stunnel started for one config, including copies that forked away).
kill_token() {
  local tok=$1 round pid found
  for round in TERM KILL; do
    found=0
    while IFS= read -r -d '' pid; do
      pid=${pid#/proc/}; pid=${pid%/environ}
      [[ $pid =~ ^[0-9]+$ && $pid != "$BASHPID" ]] || continue
      kill "-$round" "$pid" 2>/dev/null && found=1
    done < <(grep -lZzx -F -e "ORACLE_TOKEN=$tok" /proc/[0-9]*/environ 2>/dev/null)
    [[ $found -eq 0 ]] && return 0
    sleep 0.2
  done
}

# Split a "[!] path:LINE: "text": reason" record. Sets P_PATH P_LINE P_REASON.
# Every ':' is tried as the end of the path; the first one whose prefix names
# an existing file wins (relative paths are looked up from $2), else the
# leftmost one followed by LINE: ".
split_located() {
  local rec=$1 base=$2 i cand after probe
  local re='^([0-9]+): "(.*)$'
  local first_path='' first_line='' first_tail=''
  P_PATH='' P_LINE='' P_REASON=''
  for ((i = 1; i < ${#rec}; i++)); do
    [[ ${rec:i:1} == ':' ]] || continue
    cand=${rec:0:i}
    after=${rec:i+1}
    [[ $after =~ $re ]] || continue
    if [[ -z $first_path ]]; then
      first_path=$cand first_line=${BASH_REMATCH[1]} first_tail=${BASH_REMATCH[2]}
    fi
    probe=$cand
    [[ $probe == /* ]] || probe=$base/$probe
    if [[ -f $probe ]]; then
      first_path=$cand first_line=${BASH_REMATCH[1]} first_tail=${BASH_REMATCH[2]}
      break
    fi
  done
  [[ -n $first_path ]] || return 1
  P_PATH=$first_path
  P_LINE=$first_line
  # the reason follows the last '": ' (the quoted line text ends there)
  if [[ $first_tail == *'": '* ]]; then
    P_REASON=${first_tail##*'": '}
  else
    P_REASON=$first_tail
  fi
  return 0
}

# Judge one config. $1 = index, $2 = file as given. Prints one TSV line.
judge() {
  local idx=$1 given=$2
  if [[ ! -f $given ]]; then
    emit "$given" error 0 "not a regular file"
    return
  fi
  local abs dir
  abs=$(realpath -- "$given") || { emit "$given" error 0 "realpath failed"; return; }
  dir=$(dirname -- "$abs")
  local log
  log=$(mktemp "$WORK/log.XXXXXX") || { emit "$given" error 0 "mktemp failed"; return; }
  local tok="stunnel-oracle-$$-$idx-$RANDOM$RANDOM"

  local start pid=''
  # stopped from outside (see run_all): take stunnel and the log along
  trap '[[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null; kill_token "$tok"; rm -f -- "$log"; exit 143' INT TERM
  now_us; start=$NOW_US
  (
    cd -- "$dir" || exit 125
    ulimit -c 0
    ORACLE_TOKEN=$tok exec timeout -k 1 "$TIMEOUT" "${UNSHARE[@]}" "$STUNNEL" "$abs"
  ) </dev/null >"$log" 2>&1 &
  pid=$!

  # A FIFO nobody writes to lets "read -t" pause without starting a process.
  local waitfd=''
  if mkfifo -- "$log.wait" 2>/dev/null; then
    exec {waitfd}<>"$log.wait"
    rm -f -- "$log.wait"
  fi

  # Follow the log as it grows, without starting a process per poll.
  local logfd chunk partial=''
  exec {logfd}<"$log"

  local loaded_at='' stopped=0
  while kill -0 "$pid" 2>/dev/null; do
    now_us
    if [[ -z $loaded_at ]]; then
      while IFS= read -r -u "$logfd" chunk; do
        chunk=$partial$chunk partial=''
        if [[ $chunk == *'Configuration successful'* ]]; then
          loaded_at=$NOW_US
          break
        fi
      done
      partial+=$chunk
    elif ((NOW_US - loaded_at >= SETTLE_US)); then
      stopped=1
      kill -TERM "$pid" 2>/dev/null   # timeout(1) forwards it to stunnel
      break
    fi
    if [[ -n $waitfd ]]; then
      read -r -t 0.05 -u "$waitfd" _
    else
      sleep 0.05
    fi
  done
  [[ -n $waitfd ]] && exec {waitfd}>&-
  exec {logfd}<&-
  local rc
  wait "$pid" 2>/dev/null; rc=$?
  now_us
  local elapsed=$((NOW_US - start))
  kill_token "$tok"

  if [[ -n $KEEP_LOGS ]]; then
    cp -- "$log" "$KEEP_LOGS/$idx.log" 2>/dev/null
  fi

  local timed_out=0
  if [[ $stopped -eq 0 ]] && { [[ $rc -eq 124 ]] || ((elapsed >= TIMEOUT_US)); }; then
    timed_out=1
  fi

  # Only the "[!]" (error level) records of the buffered dump matter.
  local -a errs=()
  local l
  while IFS= read -r l || [[ -n $l ]]; do
    l=${l%$'\r'}
    [[ $l == '[!] '* ]] && errs+=("${l#'[!] '}")
  done <"$log"

  if grep -q 'Configuration failed' "$log"; then
    local e
    for e in "${errs[@]}"; do
      [[ $e == 'Configuration failed' ]] && break
      if split_located "$e" "$dir"; then
        local shown
        if [[ $P_PATH == "$abs" ]]; then
          shown=$given
        elif [[ $P_PATH == /* ]]; then
          shown=$P_PATH
        else
          local gdir
          gdir=$(dirname -- "$given")
          if [[ $gdir == . ]]; then shown=$P_PATH; else shown=$gdir/$P_PATH; fi
        fi
        emit "$shown" rejected "$P_LINE" "$P_REASON"
        rm -f -- "$log"
        return
      fi
    done
    # no located record: use the last section/global/inetd level record
    local msg='' other=''
    for e in "${errs[@]}"; do
      [[ $e == 'Configuration failed' ]] && break
      case $e in
        'Service ['*']: '* | 'Global options: '* | 'Inetd mode: '*) msg=$e ;;
      esac
      other=$e
    done
    [[ -n $msg ]] || msg=$other
    emit "$given" rejected 0 "$msg"
  elif [[ $rc -ge 128 && $rc -ne 124 && $stopped -eq 0 && $timed_out -eq 0 ]]; then
    local sig
    sig=$(kill -l "$((rc - 128))" 2>/dev/null) || sig='?'
    emit "$given" crashed 0 "exit $rc (SIG$sig)"
  elif grep -q 'Configuration successful' "$log"; then
    if [[ $stopped -eq 1 || $timed_out -eq 1 ]]; then
      emit "$given" accepted 0 ""
    else
      # loaded, then quit by itself: report the last error (bind, setuid, ...)
      local last=''
      [[ ${#errs[@]} -gt 0 ]] && last=${errs[-1]}
      [[ -n $last ]] || last=$(grep -E 'LOG[0-3]\[' "$log" | tail -n 1 | sed -E 's/^.*LOG[0-9]\[[^]]*\]: //')
      emit "$given" accepted 0 "exited $rc after loading${last:+: $last}"
    fi
  elif [[ $timed_out -eq 1 ]]; then
    emit "$given" accepted 0 "timed out while running"
  elif [[ $rc -eq 0 && ! -s $log ]]; then
    emit "$given" accepted 0 "exited 0 silently (went to the background)"
  else
    local tail_line
    tail_line=$(grep -v '^[[:space:]]*$' "$log" | tail -n 1)
    emit "$given" error 0 "exit $rc: $tail_line"
  fi
  rm -f -- "$log"
}

run_all() { # files...
  local res=$WORK/res
  mkdir -p -- "$res" || die "cannot create $res"
  # On INT/TERM stop the judges (asynchronous jobs ignore INT, so they get
  # TERM); each one stops its stunnel and removes its log.
  trap 'trap - INT TERM; kill -TERM $(jobs -p) 2>/dev/null; wait; exit 143' INT TERM
  local i=0 f running=0
  for f in "$@"; do
    i=$((i + 1))
    # stderr is dropped: bash announces "Segmentation fault" for a crashed
    # stunnel there, while the verdict line already says so
    judge "$i" "$f" >"$res/$i.tsv" 2>/dev/null &
    running=$((running + 1))
    if [[ $running -ge $JOBS ]]; then
      wait -n
      running=$((running - 1))
    fi
  done
  wait
  trap - INT TERM
  local n
  for ((n = 1; n <= i; n++)); do
    cat -- "$res/$n.tsv"
  done
  rm -rf -- "$res"
}

record() { # corpus dir
  local corpus=$1
  [[ -d $corpus ]] || die "not a directory: $corpus"
  command -v node >/dev/null || die "node is needed to write verdicts.json"
  cd -- "$corpus" || die "cannot enter $corpus"
  local -a files=()
  local f
  while IFS= read -r -d '' f; do files+=("$f"); done < <(
    find . -maxdepth 1 -type f -name '*.conf' -printf '%f\0' | LC_ALL=C sort -z)
  [[ ${#files[@]} -gt 0 ]] || die "no *.conf files in $corpus"
  local version start end
  version=$("$STUNNEL" -version 2>&1 | grep -E '^(stunnel [0-9]|Compiled with|Running +with)' | head -n 3)
  now_us; start=$NOW_US
  local -a results=()
  run_all "${files[@]}" >"$WORK/results.tsv"
  mapfile -t results <"$WORK/results.tsv"
  now_us; end=$NOW_US
  [[ ${#results[@]} -eq ${#files[@]} ]] || die "got ${#results[@]} results for ${#files[@]} files"
  local n
  for ((n = 0; n < ${#files[@]}; n++)); do
    printf '%s\t%s\n' "$(field "${files[n]}")" "${results[n]}"
  done | ORACLE_VERSION=$version node -e '
    const fs = require("fs");
    const unesc = (s) => s.replace(/\\(.)/g, (m, c) => ({ t: "\t", r: "\r", n: "\n", "\\": "\\" })[c] ?? m);
    const rows = fs.readFileSync(0, "utf8").split("\n").filter((l) => l !== "");
    const manifest = new Map();
    if (fs.existsSync("manifest.tsv")) {
      for (const row of fs.readFileSync("manifest.tsv", "utf8").split("\n")) {
        if (row === "" || row.startsWith("#")) continue;
        const [file, expected, intent] = row.split("\t");
        manifest.set(file, { expected, intent });
      }
    }
    const configs = rows.map((row) => {
      const [file, shown, verdict, line, message] = row.split("\t").map(unesc);
      const entry = { file, verdict, line: Number(line), message };
      if (shown !== file) entry.snippetFile = shown;
      const m = manifest.get(file);
      if (m) entry.intent = m.intent;
      return entry;
    }).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const lines = process.env.ORACLE_VERSION.split("\n");
    const ver = /^stunnel (\S+)/.exec(lines[0] || "");
    const out = {
      stunnel: lines,
      stunnelVersion: ver ? ver[1] : null,
      recorded: new Date().toISOString().slice(0, 10),
      configs,
    };
    fs.writeFileSync("verdicts.json", JSON.stringify(out, null, 2) + "\n");
    const count = (v) => configs.filter((c) => c.verdict === v).length;
    console.error(`verdicts.json: ${configs.length} configs, ${count("accepted")} accepted, ` +
      `${count("rejected")} rejected, ${count("crashed")} crashed, ${count("error")} error`);
    let bad = 0;
    for (const c of configs) {
      const m = manifest.get(c.file);
      if (!m) { console.error(`not in manifest.tsv: ${c.file}`); bad++; continue; }
      if (m.expected !== c.verdict) {
        console.error(`MISMATCH ${c.file}: expected ${m.expected}, got ${c.verdict} (${c.message})`);
        bad++;
      }
    }
    const seen = new Set(configs.map((c) => c.file));
    for (const f of manifest.keys()) if (!seen.has(f)) { console.error(`in manifest.tsv but missing: ${f}`); bad++; }
    process.exit(bad ? 1 : 0);
  '
  local st=$?
  awk -v us="$((end - start))" 'BEGIN { printf "oracle run: %.1f s\n", us / 1000000 }' >&2
  return $st
}

[[ $# -gt 0 ]] || usage
command -v "$STUNNEL" >/dev/null || die "$STUNNEL not found (apt-get install stunnel4)"
command -v timeout >/dev/null || die "timeout(1) not found"
command -v unshare >/dev/null || die "unshare(1) not found"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/stunnel-oracle-run.XXXXXX") || die "mktemp failed"
trap 'rm -rf -- "$WORK"' EXIT

case $1 in
  -h|--help) usage ;;
  --record)
    [[ $# -eq 2 ]] || usage
    record "$2"
    ;;
  --) shift; run_all "$@" ;;
  *) run_all "$@" ;;
esac
