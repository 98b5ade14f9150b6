// Path helpers on URIs. The core never touches the file system; it only reasons about names.

/** decodeURIComponent that leaves a malformed escape (`%zz`, a lone `%`, a broken UTF-8 sequence) as it is. */
function decode(s: string): string {
  // Most URIs have no escape at all; rules ask for paths many times per lint.
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

export function uriToPath(uri: string): string {
  if (uri.startsWith('file://')) {
    let p = decode(uri.slice('file://'.length));
    if (/^\/[A-Za-z]:/.test(p)) p = p.slice(1);
    return p;
  }
  const colon = uri.indexOf(':');
  return colon > 1 ? uri.slice(colon + 1) : uri;
}

export function pathToUri(path: string): string {
  const encoded = path
    .split('/')
    // A lone surrogate (possible in editor text, never in a real path) would make encodeURIComponent throw.
    .map((seg) => encodeURIComponent(seg.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')))
    .join('/');
  return 'file://' + (encoded.startsWith('/') ? '' : '/') + encoded;
}

/** `p` without trailing slashes; most paths have none, so the common case allocates nothing. */
function trimTrailingSlashes(p: string): string {
  return p.endsWith('/') ? p.replace(/\/+$/, '') : p;
}

export function basename(p: string): string {
  const s = trimTrailingSlashes(p);
  return s.slice(s.lastIndexOf('/') + 1);
}

export function dirname(p: string): string {
  const s = trimTrailingSlashes(p);
  const i = s.lastIndexOf('/');
  return i <= 0 ? '/' : s.slice(0, i);
}

export function joinPath(a: string, b: string): string {
  return normalizePath(a.replace(/\/+$/, '') + '/' + b);
}

/** Collapses `.`, `..` and repeated slashes. */
export function normalizePath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/');
}

/** `b` relative to directory `a` when b is inside a, else b itself. */
export function relativePath(from: string, to: string): string {
  const base = from.replace(/\/+$/, '') + '/';
  return to.startsWith(base) ? to.slice(base.length) : to;
}
