// A value hint while typing after `=`: the shape the key expects and, for enumerations, every
// allowed value, with the one being typed highlighted (LSP signature help).
import { stunnelAlias, stunnelOption, stunnelSummary } from '../knowledge/stunnel';
import { directive, sectionsOf, systemdSummary, type Directive } from '../knowledge/systemd';
import { entryAt, type ParsedDocument } from '../syntax/ast';
import type { Position } from '../types';

export interface ValueHint {
  /** e.g. `Type=simple | exec | forking | ...` */
  label: string;
  documentation: string;
  /** Offsets [start, end) of each allowed value (or of the value shape) within the label. */
  parameters: [number, number][];
  /** The parameter matching what is typed, if any. */
  activeParameter: number | null;
}

/** Plain words for the systemd value grammars people meet most. */
const SYSTEMD_TYPE_TEXT: Record<string, string> = {
  boolean: 'boolean: yes/no, true/false, on/off, 1/0',
  'boolean-or-empty': 'boolean (yes/no) or empty',
  timespan: 'time span: 90, 500ms, 1min 30s, 2h, infinity',
  'timespan-0-is-infinity': 'time span (0 means no limit): 90, 1min 30s',
  'timespan-empty-is-infinity': 'time span (empty means no limit): 90, 1min 30s',
  'timespan-or-empty': 'time span or empty: 90, 1min 30s',
  rlimit: 'resource limit: N, SOFT:HARD or infinity',
  'memory-limit': 'bytes with K, M, G or T, a percentage, or infinity',
  unsigned: 'non-negative integer',
  integer: 'integer',
  'unsigned-or-infinity': 'non-negative integer or infinity',
  'unit-list': 'unit names separated by spaces',
  'unit-name': 'unit name',
  'absolute-path': 'absolute path',
  'absolute-path-list': 'absolute paths separated by spaces',
  'exec-command': 'command line: absolute path (or name) and arguments; prefixes - @ : + !',
  'env-file': 'path of an environment file; a leading - ignores a missing file',
  'env-assignments': 'VAR=value assignments separated by spaces',
  'user-or-group': 'user or group name, or numeric id',
  'octal-mode': 'octal file mode such as 0755',
  signal: 'signal name or number, e.g. SIGTERM',
  'capability-list': 'capabilities such as CAP_NET_BIND_SERVICE, separated by spaces; ~ inverts',
  'syscall-list': 'system calls or @groups separated by spaces; ~ inverts',
  string: 'text',
  percent: 'percentage such as 50%',
  'working-directory': 'absolute path, ~ for the home directory; a leading - ignores a missing one',
};

const STUNNEL_TYPE_TEXT: Record<string, string> = {
  boolean: 'yes | no',
  integer: 'integer',
  address: '[host:]port',
  path: 'path',
  string: 'text',
};

function build(head: string, choices: string[] | undefined, shape: string, typed: string): Omit<ValueHint, 'documentation'> {
  if (!choices?.length) {
    const label = `${head}<${shape}>`;
    return { label, parameters: [[head.length, label.length]], activeParameter: 0 };
  }
  let label = head;
  const parameters: [number, number][] = [];
  choices.forEach((c, i) => {
    if (i > 0) label += ' | ';
    parameters.push([label.length, label.length + c.length]);
    label += c;
  });
  const t = typed.toLowerCase();
  let active = choices.findIndex((c) => c.toLowerCase() === t);
  if (active < 0 && t) active = choices.findIndex((c) => c.toLowerCase().startsWith(t));
  return { label, parameters, activeParameter: active >= 0 ? active : null };
}

function systemdHint(d: Directive, typed: string): ValueHint {
  const choices = d.values ? [...d.values, ...(d.acceptsBoolean || d.type === 'enum-or-boolean' ? ['yes', 'no'] : [])] : d.type === 'boolean' || d.type === 'boolean-or-empty' ? ['yes', 'no'] : undefined;
  const shape = SYSTEMD_TYPE_TEXT[d.type] ?? d.type.replace(/^enum:/, '').replace(/-/g, ' ');
  const base = build(`${d.name}=`, choices, shape, typed);
  const lines = [systemdSummary(d.section, d.name) ?? `[${d.section}] ${d.name}=`];
  lines.push(`Value: ${choices ? 'one of the values above' : shape}${d.since ? ` · since systemd ${d.since}` : ''}`);
  return { ...base, documentation: lines.join('\n\n') };
}

export function signatureHelp(doc: ParsedDocument, pos: Position): ValueHint | undefined {
  const e = entryAt(doc, pos.line);
  if (!e || e.equalsOffset < 0) return undefined;
  const offset = doc.index.offsetAt(pos);
  if (offset <= e.equalsOffset) return undefined;
  // What is typed of the current word (the last one after a space, for lists).
  const typed = doc.text.slice(e.equalsOffset + 1, offset).split(/\s+/).pop() ?? '';
  if (doc.dialect === 'stunnel') {
    const opt = stunnelOption(e.key) ?? stunnelAlias(e.key);
    if (!opt) return undefined;
    const choices = opt.values ?? (opt.type === 'boolean' ? ['yes', 'no'] : undefined);
    const base = build(`${opt.name} = `, choices, STUNNEL_TYPE_TEXT[opt.type] ?? opt.valueText, typed);
    const lines = [stunnelSummary(opt.name) ?? opt.name, `Value: ${choices ? 'one of the values above' : opt.valueText}${opt.default ? ` · default: ${opt.default}` : ''}`];
    return { ...base, documentation: lines.join('\n\n') };
  }
  if (doc.dialect !== 'systemd-unit') return undefined;
  const d = (e.section.name ? directive(e.section.name, e.key) : undefined) ?? sectionsOf(e.key).map((s) => directive(s, e.key)!)[0];
  return d ? systemdHint(d, typed) : undefined;
}
