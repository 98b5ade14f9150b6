// ExecStart=/usr/bin/env [OPTIONS] [NAME=VALUE]... stunnel4 CONFIG starts stunnel with CONFIG:
// the graph looks past env's own words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, lint } from '../helpers.mjs';

const UNIT = '/etc/systemd/system/s.service';
const CONF = '/etc/stunnel/s.conf';
const CONF_TEXT = '[x]\naccept = 443\nconnect = 80\ncert = /etc/ssl/a.pem\n';
const graphRules = (f) => ['systemd/missing-limit-nofile', 'systemd/type-foreground-mismatch'].includes(f.rule);

test('env with assignments and options in front of stunnel4: the unit starts the config', () => {
  for (const exec of ['/usr/bin/env OPENSSL_CONF=/etc/ssl/x.cnf stunnel4 /etc/stunnel/s.conf', 'env -i -u HOME LANG=C /usr/bin/stunnel4 /etc/stunnel/s.conf', '/usr/bin/env -- stunnel4 /etc/stunnel/s.conf']) {
    const f = lint({ [UNIT]: `[Service]\nExecStart=${exec}\n`, [CONF]: CONF_TEXT }).filter(graphRules);
    assert.deepEqual(briefs(f), ['systemd/missing-limit-nofile@1:1-1:10', 'systemd/type-foreground-mismatch@2:1-2:10'], exec);
    assert.match(f[1].message, /s\.conf does not set foreground = yes/);
  }
});

test('env -S (a split string) or env alone is not read as starting stunnel', () => {
  for (const exec of ['/usr/bin/env -S "stunnel4 /etc/stunnel/s.conf"', '/usr/bin/env', '/usr/bin/env FOO=1']) {
    assert.deepEqual(briefs(lint({ [UNIT]: `[Service]\nExecStart=${exec}\n`, [CONF]: CONF_TEXT }).filter(graphRules)), [], exec);
  }
});
