// Path helpers on URIs. The core never touches the file system; it only reasons about names.

export function uriToPath(uri: string): string {
  if (uri.startsWith('file://')) {
    let p = decodeURIComponent(uri.slice('file://'.length));
    if (/^\/[A-Za-z]:/.test(p)) p = p.slice(1);
    return p;
  }
  const colon = uri.indexOf(':');
  return colon > 1 ? uri.slice(colon + 1) : uri;
}

export function pathToUri(path: string): string {
  const encoded = path
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
  return 'file://' + (encoded.startsWith('/') ? '' : '/') + encoded;
}

export function basename(p: string): string {
  const s = p.replace(/\/+$/, '');
  return s.slice(s.lastIndexOf('/') + 1);
}

export function dirname(p: string): string {
  const s = p.replace(/\/+$/, '');
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
