// Splits an Exec*= value into prefixes and words, the way systemd's exec parser does:
// leading @ - : + ! (and !!) prefixes, then words with "..." and '...' quoting and escapes.

export interface ExecWord {
  text: string;
  /** Offsets into the value. */
  start: number;
  end: number;
  quoted: boolean;
}

export interface ExecCommand {
  prefixes: string;
  words: ExecWord[];
}

export function splitWords(value: string, from = 0): ExecWord[] {
  const words: ExecWord[] = [];
  let i = from;
  while (i < value.length) {
    while (i < value.length && /\s/.test(value[i])) i++;
    if (i >= value.length) break;
    const start = i;
    let text = '';
    let quoted = false;
    while (i < value.length && !/\s/.test(value[i])) {
      const c = value[i];
      if (c === '"' || c === "'") {
        quoted = true;
        const close = value.indexOf(c, i + 1);
        const end = close < 0 ? value.length : close;
        text += value.slice(i + 1, end).replace(/\\(.)/g, '$1');
        i = close < 0 ? value.length : close + 1;
      } else if (c === '\\' && i + 1 < value.length) {
        text += value[i + 1];
        i += 2;
      } else {
        text += c;
        i++;
      }
    }
    words.push({ text, start, end: i, quoted });
  }
  return words;
}

/** Parses the first command of an Exec line (commands after a lone `;` are ignored here). */
export function parseExec(value: string): ExecCommand {
  let i = 0;
  while (i < value.length && /\s/.test(value[i])) i++;
  const pstart = i;
  while (i < value.length && '@-:+!|'.includes(value[i])) i++;
  const prefixes = value.slice(pstart, i);
  const all = splitWords(value, i);
  const semi = all.findIndex((w) => w.text === ';' && !w.quoted);
  return { prefixes, words: semi < 0 ? all : all.slice(0, semi) };
}
