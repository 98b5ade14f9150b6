import { fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { effectiveValue, inDoc, isDropInDoc, isMasked, unitNameOfDoc } from './context';

/** systemd's path escaping for unit names (systemd-escape --path). */
export function escapePath(path: string): string {
  const p = path.replace(/\/+/g, '/').replace(/^\/|\/$/g, '');
  if (p === '') return '-';
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    // (code units outside the BMP are escaped byte by byte through their UTF-8 form)
    if (c === '/') out += '-';
    else if ((c === '.' && i === 0) || !/[A-Za-z0-9:_.]/.test(c)) {
      for (const b of new TextEncoder().encode(c)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else out += c;
  }
  return out;
}

/** The reverse: the path a unit name stands for. */
export function unescapePath(name: string): string {
  if (name === '-') return '/';
  const bytes: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const m = /^\\x([0-9a-fA-F]{2})/.exec(name.slice(i));
    if (m) {
      bytes.push(parseInt(m[1], 16));
      i += 3;
    } else bytes.push(...new TextEncoder().encode(name[i] === '-' ? '/' : name[i]));
  }
  return '/' + new TextDecoder().decode(new Uint8Array(bytes));
}

const CHECKS: Record<string, { section: string; key: string }> = {
  mount: { section: 'Mount', key: 'Where' },
  automount: { section: 'Automount', key: 'Where' },
  swap: { section: 'Swap', key: 'What' },
};

export const unitNameMismatch: Rule = {
  id: 'systemd/unit-name-mismatch',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: "A mount or automount whose Where=, or a swap whose What=, does not match the unit's file name (path escaped as systemd-escape --path does); systemd refuses it.",
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    if (isDropInDoc(doc) || isMasked(doc)) return;
    const name = unitNameOfDoc(doc);
    const dot = name.lastIndexOf('.');
    const check = CHECKS[name.slice(dot + 1)];
    if (!check || name.includes('@')) return;
    const e = effectiveValue(ws, doc, check.section, check.key);
    if (!e || !inDoc(doc, e) || !e.value.startsWith('/') || e.value.includes('%')) return;
    const stem = name.slice(0, dot);
    const expected = escapePath(e.value);
    if (expected === stem) return;
    const path = unescapePath(stem);
    ctx.report({
      span: e.valueSpan,
      message: `${check.key}=${e.value} does not match the unit name: a unit for ${e.value} must be called ${expected}${name.slice(dot)}, and ${name} stands for ${path}. systemd refuses to load it. Rename the file, or set ${check.key}=${path}.`,
      fixes: [fix(`Set ${check.key}=${path}`, doc, [replaceSpan(doc, e.valueSpan, path)], false)],
    });
  },
};
