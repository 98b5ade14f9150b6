// Runs code-server (VS Code 1.100.3 in a browser) on 127.0.0.1 with the packaged extension installed
// into a throw-away profile, and drives it with playwright-core through Debian's chromium.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, poll, requireFile } from './paths.mjs';

const INSTALLER = path.join(ROOT, 'tools', 'e2e', 'install-code-server.sh');

/** The code-server launcher: $CODE_SERVER, or the cached install (created on first use). */
export function codeServerBinary() {
  if (process.env.CODE_SERVER) return process.env.CODE_SERVER;
  const r = spawnSync('bash', [INSTALLER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${INSTALLER} failed (exit ${r.status})`);
  return r.stdout.trim().split('\n').pop();
}

// User settings: no telemetry, update checks, gallery, tips or welcome pages; short hover delay.
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'window.restoreWindows': 'none',
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Installs `vsix` into a fresh profile and starts code-server. Returns
 * { url, dataDir, log(), stop() }. Everything lives in a temporary folder removed by stop().
 */
export async function startCodeServer({ vsix, bin = codeServerBinary(), settings = {} }) {
  requireFile(vsix, 'build it with `npm run package`');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'daemonlint-code-server-'));
  const userDir = path.join(dataDir, 'user');
  const extDir = path.join(dataDir, 'extensions');
  mkdirSync(path.join(userDir, 'User'), { recursive: true });
  mkdirSync(extDir);
  writeFileSync(path.join(userDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const port = await freePort();
  const config = path.join(dataDir, 'config.yaml');
  writeFileSync(config, [
    `bind-addr: 127.0.0.1:${port}`,
    'auth: none',
    'cert: false',
    'disable-telemetry: true',
    'disable-update-check: true',
    'disable-workspace-trust: true',
    'disable-getting-started-override: true',
    '',
  ].join('\n'));
  const common = ['--config', config, '--user-data-dir', userDir, '--extensions-dir', extDir];
  // An empty gallery: nothing is looked up in any marketplace.
  const env = { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}' };

  const inst = spawnSync(bin, [...common, '--install-extension', vsix], { encoding: 'utf8', env });
  if (inst.status !== 0 || !/was successfully installed/.test(inst.stdout)) {
    throw new Error(`--install-extension failed (exit ${inst.status}):\n${inst.stdout}\n${inst.stderr}`);
  }

  const logFile = path.join(dataDir, 'code-server.log');
  let logText = '';
  const proc = spawn(bin, common, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout.on('data', (d) => (logText += d));
  proc.stderr.on('data', (d) => (logText += d));
  let exited = null;
  proc.once('exit', (code, signal) => (exited = { code, signal }));
  const url = `http://127.0.0.1:${port}`;
  try {
    await poll(async () => {
      if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${logText}`);
      const r = await fetch(`${url}/healthz`);
      return r.ok;
    }, 'code-server /healthz', { ms: 30_000 });
  } catch (e) {
    proc.kill();
    throw e;
  }
  return {
    url,
    dataDir,
    installOutput: inst.stdout,
    log: () => logText,
    /** Files under the profile's logs folder, e.g. the extension host's and the language server's output. */
    logsDir: path.join(userDir, 'logs'),
    async stop({ keep = false } = {}) {
      if (!exited) {
        proc.kill('SIGTERM');
        await poll(() => exited, 'code-server to exit', { ms: 10_000 }).catch(() => proc.kill('SIGKILL'));
      }
      writeFileSync(logFile, logText);
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's chromium, headless, with a fresh profile; every request off 127.0.0.1 is refused and recorded. */
export async function launchBrowser() {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'daemonlint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const external = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (['127.0.0.1', 'localhost'].includes(u.hostname) || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
    external.push(u.href);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    external,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const readText = (p) => readFileSync(p, 'utf8');
