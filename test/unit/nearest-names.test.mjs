// Suggestions for unknown keys: the prepared name index answers as a plain scan would, and a file
// with thousands of unknown keys gets one suggestion each without scanning every name each time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefs, lint } from '../helpers.mjs';

test('unknown keys get their suggestion: a typo, a case slip, none for a word far from every name', () => {
  const f = lint({ '/etc/systemd/system/a.service': '[Service]\nExecStrat=/bin/true\nrestart=always\nLimitNOFLE=4096\nZzqx=1\n' });
  assert.deepEqual(briefs(f.filter((x) => x.rule === 'systemd/unknown-directive')), ['systemd/unknown-directive@2:1-2:10', 'systemd/unknown-directive@3:1-3:8', 'systemd/unknown-directive@4:1-4:11', 'systemd/unknown-directive@5:1-5:5']);
  const hints = f.filter((x) => x.rule === 'systemd/unknown-directive').map((x) => / (Did you mean '[^']+'\?|Keys are case-sensitive: write '[^']+'\.)/.exec(x.message)?.[1] ?? null);
  assert.deepEqual(hints, ["Did you mean 'ExecStart'?", "Keys are case-sensitive: write 'Restart'.", "Did you mean 'LimitNOFILE'?", null]);
  const s = lint({ '/etc/stunnel/stunnel.conf': 'foregrund = yes\n[svc]\nacept = 443\nconnect = 80\n' });
  assert.deepEqual(s.filter((x) => x.rule === 'stunnel/unknown-option').map((x) => x.fixes.map((y) => y.title)), [["Change to 'foreground'"], ["Change to 'accept'"]]);
});

test('8,000 unknown keys: every one reported, with its suggestion', () => {
  const text = '[Service]\nExecStart=/bin/true\n' + Array.from({ length: 8000 }, (_, i) => `Restart${i}x=always`).join('\n') + '\n';
  const f = lint({ '/etc/systemd/system/big.service': text }).filter((x) => x.rule === 'systemd/unknown-directive');
  assert.equal(f.length, 8000);
  assert.match(f[0].message, /^Unknown key 'Restart0x' in \[Service\]: .* Did you mean 'Restart'\?/);
});
