// The command lines of ExecStart= and friends, split the way systemd's config_parse_exec() does:
// commands separated by a lone `;`, each with optional prefixes (@ - : + ! !!), the executable
// and its arguments. Words use "…" and '…' quoting with C escapes; quoted parts concatenate.

export interface ExecToken {
  /** The word after unquoting and unescaping. */
  text: string;
  /** Offsets of the raw word in the value. */
  start: number;
  end: number;
  /** Any part of the word was quoted. */
  quoted: boolean;
  /** The word ended inside an open quote. */
  unbalanced: boolean;
}

export interface ExecLine {
  /** The prefix characters as accepted by systemd. */
  prefixes: string;
  /** Offsets of the prefixes in the value. */
  prefixStart: number;
  /** The executable (after the prefixes) and its raw extent; undefined for an empty command. */
  program?: ExecToken;
  /** argv[0] and the arguments (with @, argv[0] is the word after the executable). */
  args: ExecToken[];
  /** Raw extent of the command in the value (prefixes to last argument). */
  start: number;
  end: number;
  ignoreFailure: boolean;
  noEnvExpand: boolean;
}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'", ' ': ' ', ';': ';' };

/** Splits a value into words like systemd's extract_first_word(EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE). */
export function execTokens(v: string): ExecToken[] {
  const out: ExecToken[] = [];
  let i = 0;
  while (i < v.length) {
    while (i < v.length && /\s/.test(v[i])) i++;
    if (i >= v.length) break;
    const start = i;
    let text = '';
    let quoted = false;
    let unbalanced = false;
    let quote: string | null = null;
    for (; i < v.length; i++) {
      const c = v[i];
      if (quote) {
        if (c === quote) quote = null;
        else if (c === '\\' && i + 1 < v.length) text += ESCAPES[v[++i]] ?? v[i];
        else text += c;
        continue;
      }
      if (/\s/.test(c)) break;
      if (c === '"' || c === "'") {
        quote = c;
        quoted = true;
      } else if (c === '\\' && i + 1 < v.length) text += ESCAPES[v[++i]] ?? v[i];
      else text += c;
    }
    if (quote) unbalanced = true;
    out.push({ text, start, end: i, quoted, unbalanced });
  }
  return out;
}

/** Prefix characters systemd accepts, in the order it would take them from the start of a word. */
function takePrefixes(word: string): string {
  let ignore = false;
  let argv0 = false;
  let noEnv = false;
  let priv: '' | '+' | '!' | '!!' = '';
  let i = 0;
  for (; i < word.length; i++) {
    const c = word[i];
    if (c === '-' && !ignore) ignore = true;
    else if (c === '@' && !argv0) argv0 = true;
    else if (c === ':' && !noEnv) noEnv = true;
    else if (c === '+' && priv === '') priv = '+';
    else if (c === '!' && priv === '') priv = '!';
    else if (c === '!' && priv === '!') priv = '!!';
    else break;
  }
  return word.slice(0, i);
}

const execCache = new Map<string, readonly ExecLine[]>();

/** Every command of an Exec*= value (several when separated by a lone `;`). Several rules ask for the same value: parsed once. */
export function parseExecLines(v: string): readonly ExecLine[] {
  let lines = execCache.get(v);
  if (!lines) {
    if (execCache.size > 2000) execCache.clear();
    lines = parseExecLinesUncached(v);
    execCache.set(v, lines);
  }
  return lines;
}

function parseExecLinesUncached(v: string): ExecLine[] {
  const toks = execTokens(v);
  const lines: ExecLine[] = [];
  let k = 0;
  while (k < toks.length) {
    const first = toks[k];
    const prefixes = first.quoted ? takePrefixes(first.text) : takePrefixes(v.slice(first.start, first.end));
    const line: ExecLine = {
      prefixes,
      prefixStart: first.start,
      args: [],
      start: first.start,
      end: first.end,
      ignoreFailure: prefixes.includes('-'),
      noEnvExpand: prefixes.includes(':'),
    };
    const rest = first.text.slice(prefixes.length);
    let j = k + 1;
    if (rest !== '' || first.quoted) {
      line.program = { ...first, text: rest, start: first.quoted ? first.start : first.start + prefixes.length };
    } else if (j < toks.length && toks[j].text !== ';') {
      // Prefixes written apart from the path ("- /bin/true") are not prefixes for systemd; it sees an empty name.
      line.program = undefined;
    }
    for (; j < toks.length; j++) {
      const t = toks[j];
      if (t.text === ';' && !t.quoted && v.slice(t.start, t.end) === ';') break;
      line.args.push(t);
      line.end = t.end;
    }
    lines.push(line);
    k = j + 1;
  }
  return lines;
}

/** systemd's filename_or_absolute_path_is_valid(): an absolute path, or a plain file name (no slash). */
export function executableNameOk(p: string): boolean {
  if (p.startsWith('/')) return p.length <= 4096;
  return p !== '' && p !== '.' && p !== '..' && !p.includes('/') && p.length <= 255;
}
