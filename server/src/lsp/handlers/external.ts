// "Validate with Installed Tools": checks the open text with the programs that will read it —
// `systemd-analyze verify` for units, stunnel itself (in a private network namespace) for its
// configs — and shows what they say as diagnostics on the lines they name. It runs only on
// request and only in a trusted workspace, never through a shell, with a timeout and an output
// cap, on a copy of the text in a private temporary folder that is removed afterwards.
import { execFile, type ExecFileException } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Diagnostic, DiagnosticSeverity } from '../protocol';
import {
  VALIDATE_WITH_TOOLS_REQUEST,
  WORKSPACE_TRUST_NOTIFICATION,
  type ValidateWithToolsParams,
  type ValidateWithToolsResult,
  type WorkspaceTrustParams,
} from '../../../../client/src/protocol';
import { isDropIn, unitNameOf, uriToPath, type ParsedDocument } from '../coreApi';
import { runSafe } from '../runSafe';
import type { ServerState } from '../state';
import type { Diagnostics } from './diagnostics';

const TIMEOUT_MS = 15_000;
const MAX_OUTPUT = 256 * 1024;
/** Once stunnel has said it loaded the configuration, it is stopped after this long. */
const STUNNEL_SETTLE_MS = 300;
const UNIT_NAME = /\.(service|socket|timer|mount|automount|swap|path|target|slice|scope|device)$/;

interface RunOutput {
  output: string;
  error: ExecFileException | null;
}

/** Runs a program without a shell; resolves with stdout+stderr whatever the exit status. */
function run(file: string, args: string[], cwd: string, stopWhen?: RegExp): Promise<RunOutput> {
  return new Promise((resolve) => {
    const env = { ...process.env, LC_ALL: 'C', SYSTEMD_LOG_COLOR: '0', SYSTEMD_COLORS: '0', SYSTEMD_LOG_LOCATION: '0', SYSTEMD_LOG_TIME: '0', SYSTEMD_PAGER: 'cat', SYSTEMD_LOG_TARGET: 'console' };
    const child = execFile(file, args, { cwd, env, timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT, killSignal: 'SIGKILL', windowsHide: true }, (error, stdout, stderr) => {
      resolve({ output: `${stdout}${stderr}`, error });
    });
    child.stdin?.end();
    if (stopWhen) {
      let seen = '';
      child.stderr?.on('data', (d: Buffer) => {
        seen = (seen + d.toString()).slice(-4096);
        if (stopWhen.test(seen)) setTimeout(() => child.kill('SIGTERM'), STUNNEL_SETTLE_MS).unref();
      });
    }
  });
}

function diag(doc: ParsedDocument, line: number, message: string, source: string, severity: DiagnosticSeverity): Diagnostic {
  const l = Math.max(0, Math.min(line, doc.index.lineCount - 1));
  return { range: doc.index.lineRange(l), severity, source, message };
}

/**
 * The config as stunnel is made to read it for the check, line for line: it stays in the
 * foreground (so it can be stopped), writes no pid file and logs to stderr instead of a log file.
 * When the config has no foreground line one is put first, and `lineShift` says so.
 */
export function stunnelToolInput(doc: ParsedDocument): { text: string; lineShift: number } {
  const lines: string[] = [];
  for (let l = 0; l < doc.index.lineCount; l++) lines.push(doc.text.slice(doc.index.lineStarts[l], doc.index.lineEnd(l)));
  if (doc.hasBom) lines[0] = lines[0].slice(1);
  let foreground = false;
  for (const e of doc.sections[0].entries) {
    const key = e.key.toLowerCase();
    if (key === 'foreground') {
      lines[e.line] = 'foreground = yes';
      foreground = true;
    } else if (key === 'pid') lines[e.line] = 'pid =';
    else if (key === 'output') lines[e.line] = '; output = (left out: stunnel logs to the check instead)';
  }
  if (!foreground) lines.unshift('foreground = yes');
  return { text: lines.join('\n') + '\n', lineShift: foreground ? 0 : 1 };
}

/** Maps `systemd-analyze verify` output onto the lines of the unit. */
export function mapSystemdAnalyze(doc: ParsedDocument, output: string, copyPath: string, unitName: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith(copyPath + ':')) {
      const m = /^:(\d+): (.*)$/.exec(line.slice(copyPath.length));
      if (m) out.push(diag(doc, Number(m[1]) - 1, m[2], 'systemd-analyze', DiagnosticSeverity.Warning));
      else out.push(diag(doc, 0, line.slice(copyPath.length + 1).trim(), 'systemd-analyze', DiagnosticSeverity.Warning));
      continue;
    }
    if (!line.startsWith(unitName + ':')) continue; // other units systemd loaded along the way
    const message = line.slice(unitName.length + 1).trim();
    // "Command /x is not executable: ..." belongs on the Exec line that names /x.
    const cmd = /Command (\S+) is not executable/.exec(message)?.[1];
    let target = 0;
    for (const s of doc.sections) for (const e of s.entries) if (cmd && e.key.startsWith('Exec') && e.value.includes(cmd) && target === 0) target = e.line;
    out.push(diag(doc, target, message, 'systemd-analyze', DiagnosticSeverity.Error));
  }
  return out;
}

/**
 * Maps stunnel's `[!]` lines onto the config: `file:LINE:` lines to that line, `Service [name]:`
 * to the file option stunnel was loading when it failed (cert = ...), else to the section header.
 */
export function mapStunnel(doc: ParsedDocument, output: string, copyPath: string, lineShift: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  let details: string[] = [];
  let loading: string | undefined;
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    const load = /^\[ \] Loading .* from file: (.*)$/.exec(line);
    if (load) loading = load[1];
    const m = /^\[!\]\s+(.*)$/.exec(line);
    if (!m) continue;
    const text = m[1];
    if (/^Configuration failed/.test(text)) continue;
    if (text.startsWith(copyPath + ':')) {
      const at = /^:(\d+): (.*)$/.exec(text.slice(copyPath.length));
      if (at) {
        out.push(diag(doc, Number(at[1]) - 1 - lineShift, at[2], 'stunnel', DiagnosticSeverity.Error));
        continue;
      }
    }
    const service = /^Service \[(.*)\]: (.*)$/.exec(text);
    if (service) {
      const section = doc.sections.find((s) => s.name === service[1]);
      const entry = section?.entries.find((e) => loading !== undefined && e.value === loading);
      // OpenSSL's queue lines repeat what the last line says more plainly.
      const plain = details.filter((d) => !d.startsWith('error queue:'));
      const because = plain.length ? plain : details;
      out.push(diag(doc, entry ? entry.line : section ? section.headerLine : 0, [service[2], ...because].join(': '), 'stunnel', DiagnosticSeverity.Error));
      details = [];
      continue;
    }
    details.push(text);
  }
  if (details.length) out.push(diag(doc, 0, details.join(' — '), 'stunnel', DiagnosticSeverity.Error));
  return out;
}

async function validateUnit(doc: ParsedDocument, dir: string): Promise<{ diagnostics: Diagnostic[]; message: string; ran: boolean }> {
  const name = unitNameOf(doc);
  if (isDropIn(doc) || !UNIT_NAME.test(name)) return { diagnostics: [], ran: false, message: 'systemd-analyze verify checks unit files; open the unit this drop-in belongs to.' };
  const copy = path.join(dir, name);
  fs.writeFileSync(copy, doc.text);
  const { output, error } = await run('systemd-analyze', ['verify', '--man=no', '--generators=no', copy], dir);
  if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return { diagnostics: [], ran: false, message: 'systemd-analyze is not installed (Debian and Ubuntu: the systemd package).' };
  if (error?.killed) return { diagnostics: [], ran: true, message: `systemd-analyze verify did not finish within ${TIMEOUT_MS / 1000} s.` };
  const diagnostics = mapSystemdAnalyze(doc, output, copy, name);
  return { diagnostics, ran: true, message: diagnostics.length ? `systemd-analyze verify reported ${diagnostics.length} problem(s).` : 'systemd-analyze verify found no problems.' };
}

async function validateStunnel(doc: ParsedDocument, dir: string): Promise<{ diagnostics: Diagnostic[]; message: string; ran: boolean }> {
  const copy = path.join(dir, 'stunnel.conf');
  const input = stunnelToolInput(doc);
  fs.writeFileSync(copy, input.text);
  // Relative paths (cert = x.crt) resolve against the working directory, as when stunnel runs there.
  const cwd = doc.uri.startsWith('file:') ? path.dirname(uriToPath(doc.uri)) : dir;
  const unshare = process.getuid?.() === 0 ? ['-n'] : ['-r', '-n'];
  let result: RunOutput = { output: '', error: null };
  for (const program of ['stunnel', 'stunnel4']) {
    result = await run('unshare', [...unshare, program, copy], fs.existsSync(cwd) ? cwd : dir, /Configuration successful/);
    if (!/^unshare: failed to execute/m.test(result.output)) break;
  }
  const { output, error } = result;
  if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return { diagnostics: [], ran: false, message: 'unshare is not installed (util-linux); stunnel is only run inside a private network namespace.' };
  if (/^unshare: failed to execute/m.test(output)) return { diagnostics: [], ran: false, message: 'stunnel is not installed (Debian and Ubuntu: the stunnel4 package).' };
  if (/^unshare: /m.test(output)) {
    const why = /^unshare: (.*)$/m.exec(output)![1];
    return { diagnostics: [], ran: false, message: `Could not create a private network namespace for stunnel (${why}); stunnel was not run.` };
  }
  if (/Configuration successful/.test(output)) return { diagnostics: [], ran: true, message: 'stunnel loaded the configuration without errors.' };
  if (error?.killed && error.signal === 'SIGKILL') return { diagnostics: [], ran: true, message: `stunnel did not finish within ${TIMEOUT_MS / 1000} s.` };
  const diagnostics = mapStunnel(doc, output, copy, input.lineShift);
  return { diagnostics, ran: true, message: diagnostics.length ? `stunnel rejected the configuration: ${diagnostics.length} problem(s).` : 'stunnel stopped without saying why; see the Daemonlint output.' };
}

export function registerExternalTools(state: ServerState, diagnostics: Diagnostics): void {
  const { connection } = state;

  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (p: WorkspaceTrustParams) => {
    state.trusted = p?.trusted === true;
    connection.console.info(`Workspace trust: ${state.trusted ? 'trusted' : 'not trusted'}.`);
  });

  connection.onRequest(VALIDATE_WITH_TOOLS_REQUEST, (p: ValidateWithToolsParams, token) =>
    runSafe(connection, 'validateWithInstalledTools', { tool: null, diagnostics: 0, message: 'The check failed; see the Daemonlint output.' } as ValidateWithToolsResult, token, async (): Promise<ValidateWithToolsResult> => {
      if (!state.trusted) {
        return { tool: null, diagnostics: 0, message: 'Validate with Installed Tools runs programs on this machine, so it works only in a trusted workspace. Nothing was run.' };
      }
      const uri = typeof p?.uri === 'string' ? p.uri : '';
      const doc = state.ws.get(uri);
      if (!doc) return { tool: null, diagnostics: 0, message: 'Open a stunnel config or a systemd unit first.' };
      const tool = doc.dialect === 'systemd-unit' ? 'systemd-analyze' : doc.dialect === 'stunnel' ? 'stunnel' : null;
      if (!tool) return { tool: null, diagnostics: 0, message: `No installed program checks ${path.basename(uriToPath(uri))}.` };
      const version = state.documents.get(uri)?.version ?? doc.version;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daemonlint-'));
      try {
        connection.console.info(`Running ${tool} on ${uri}`);
        const r = tool === 'systemd-analyze' ? await validateUnit(doc, dir) : await validateStunnel(doc, dir);
        connection.console.info(r.message);
        if (!r.ran) return { tool: null, diagnostics: 0, message: r.message };
        state.external.set(uri, { version, diagnostics: r.diagnostics });
        await diagnostics.schedule(uri, 'open');
        return { tool, diagnostics: r.diagnostics.length, message: r.message };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }),
  );
}
