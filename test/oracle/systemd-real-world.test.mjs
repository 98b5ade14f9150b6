// Real-world silence: the unit files this machine's systemd ships (/lib/systemd/system) must draw
// no error from Daemonlint. Masked units (links to /dev/null) are skipped, as systemd skips them.
// Warnings are allowed and listed in the test output. Skipped where the folder does not exist.
import assert from 'node:assert/strict';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { core } from '../helpers.mjs';

const ROOT = '/lib/systemd/system';

function collect(dir, ws) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) {
      if (readlinkSync(p) === '/dev/null' || !existsSync(p) || statSync(p).isDirectory()) continue;
    } else if (st.isDirectory()) {
      collect(p, ws);
      continue;
    }
    ws.set(core.pathToUri(p), readFileSync(p, 'utf8'));
  }
}

for (const settings of [{}, { systemdVersion: 252 }, { security: true }]) {
  test(`${ROOT}: no errors (settings ${JSON.stringify(settings)})`, { skip: !existsSync(ROOT) && `${ROOT} does not exist here` }, (t) => {
    const ws = new core.Workspace([ROOT], []);
    collect(ROOT, ws);
    const errors = [];
    const warnings = [];
    for (const [uri, findings] of core.lintWorkspace(ws, core.resolveSettings(settings))) {
      for (const f of findings) {
        const where = `${core.uriToPath(uri).slice(ROOT.length + 1)}:${f.range.start.line + 1} ${f.rule}`;
        if (f.severity === 'error') errors.push(`${where}: ${f.message}`);
        else if (f.severity === 'warning') warnings.push(where);
      }
    }
    if (settings.security) {
      // Hundreds of hardening findings: list them per rule.
      const perRule = {};
      for (const w of warnings) perRule[w.split(' ')[1]] = (perRule[w.split(' ')[1]] ?? 0) + 1;
      t.diagnostic(`${ws.uris().length} files, ${warnings.length} warnings: ${JSON.stringify(perRule)}`);
    } else t.diagnostic(`${ws.uris().length} files, ${warnings.length} warnings${warnings.length ? ':\n' + warnings.join('\n') : ''}`);
    assert.deepEqual(errors, []);
  });
}
