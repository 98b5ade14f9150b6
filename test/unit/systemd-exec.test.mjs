// Command lines and environment assignments: shell syntax, $VAR inside words, relative programs,
// unquoted spaces in Environment=; exact ranges, fixed texts and clean counterparts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, briefs, core, fixWith, lint, lintWith } from '../helpers.mjs';

test("exec-shell-syntax: a redirection; the fix runs the command through /bin/sh -c", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/usr/bin/consul-template -config /etc/ct.d >> /var/log/ct.log 2>&1\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/exec-shell-syntax@2:54-2:56"]);
  assert.equal(fixWith(files, "systemd/exec-shell-syntax", "Run the command through /bin/sh -c"), "[Service]\nExecStart=/bin/sh -c '/usr/bin/consul-template -config /etc/ct.d >> /var/log/ct.log 2>&1'\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/sh -c '/usr/bin/consul-template -config /etc/ct.d >> /var/log/ct.log 2>&1'\n"})), []);
});

test("exec-shell-syntax: pipes, &&, backticks and $(...); prefixes are kept, quotes are escaped", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nType=oneshot\nExecStartPre=-/bin/echo 'it''s' | /usr/bin/logger\nExecStart=/bin/mkdir /run/a && /bin/touch /run/a/x\nExecStartPost=/bin/echo `date`\nExecStop=/bin/kill $(cat /run/a.pid)\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/exec-shell-syntax@3:33-3:34","systemd/exec-shell-syntax@4:29-4:31","systemd/exec-shell-syntax@5:25-5:31","systemd/exec-shell-syntax@6:20-6:25"]);
  assert.equal(fixWith(files, "systemd/exec-shell-syntax", "Run the command through /bin/sh -c"), "[Service]\nType=oneshot\nExecStartPre=-/bin/sh -c '/bin/echo '\\''it'\\'''\\''s'\\'' | /usr/bin/logger'\nExecStart=/bin/mkdir /run/a && /bin/touch /run/a/x\nExecStartPost=/bin/echo `date`\nExecStop=/bin/kill $(cat /run/a.pid)\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nType=oneshot\nExecStart=/bin/true ; /bin/echo 'a | b' \"c > d\"\nExecStart=/bin/sh -c 'a && b'\nExecStart=/usr/bin/env bash -c 'x | y'\n"})), []);
});

test("exec-env-expansion: $VAR inside a word is not expanded", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nEnvironment=PORT=8080\nExecStart=/usr/bin/app --port=$PORT $OPTS\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/exec-env-expansion@3:31-3:36"]);
  assert.equal(fixWith(files, "systemd/exec-env-expansion", "Write ${PORT}"), "[Service]\nEnvironment=PORT=8080\nExecStart=/usr/bin/app --port=${PORT} $OPTS\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nEnvironment=PORT=8080\nExecStart=/usr/bin/app --port=${PORT} $OPTS\nExecStartPost=:/bin/echo --x=$PORT\nExecStartPost=/bin/sh -c 'echo $$PORT'\n"})), []);
});

test("relative-exec: a relative program path, with a fix for a missing leading slash", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=usr/bin/app\nExecStartPre=./prepare.sh\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/relative-exec@2:11-2:22","systemd/relative-exec@3:14-3:26"]);
  assert.equal(fixWith(files, "systemd/relative-exec", "Make it /usr/bin/app"), "[Service]\nExecStart=/usr/bin/app\nExecStartPre=./prepare.sh\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/usr/bin/app\nExecStartPre=true\nExecStartPost=%h/bin/post\n"})), []);
});

test("relative-exec: a repeated prefix and '+' with '!'", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nExecStartPre=--/bin/true\nExecStartPost=+!/bin/true\nExecReload=~/bin/reload\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/relative-exec@3:15-3:25","systemd/relative-exec@4:16-4:26","systemd/relative-exec@5:12-5:24"]);
  assert.match(f[0].message, /drops this ExecStartPre= line/);
  assert.equal(fixWith(files, "systemd/relative-exec", "Remove '-'"), "[Service]\nExecStart=/bin/true\nExecStartPre=-/bin/true\nExecStartPost=+!/bin/true\nExecReload=~/bin/reload\n");
  assert.equal(fixWith(files, "systemd/relative-exec", "Remove '!'"), "[Service]\nExecStart=/bin/true\nExecStartPre=--/bin/true\nExecStartPost=+/bin/true\nExecReload=~/bin/reload\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nExecStartPre=-/bin/true\nExecStartPost=+/bin/true\nExecStartPost=!!/bin/true\nExecStartPost=@/bin/true true\nExecStartPost=:-/bin/true\n"})), []);
});

test("environment-unquoted-space: the words after the first are rejected; the fix quotes the assignment", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nEnvironment=JAVA_OPTS=-Xms256m -Xmx1g DEBUG=1\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/environment-unquoted-space@3:32-3:38"]);
  assert.equal(fixWith(files, "systemd/environment-unquoted-space", "Quote the assignment of JAVA_OPTS"), "[Service]\nExecStart=/bin/true\nEnvironment=\"JAVA_OPTS=-Xms256m -Xmx1g\" DEBUG=1\n");
  assert.deepEqual(briefs(lintWith({"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nEnvironment=\"JAVA_OPTS=-Xms256m -Xmx1g\" DEBUG=1\nEnvironment=A=1 B=2\n"})), []);
});

test("environment-unquoted-space: quotes inside the value are escaped by the fix", () => {
  const files = {"/etc/systemd/system/app.service":"[Service]\nExecStart=/bin/true\nEnvironment=GREETING=say \"hi\" now\n"};
  const f = lintWith(files);
  assert.deepEqual(briefs(f), ["systemd/environment-unquoted-space@3:26-3:34"]);
  assert.equal(fixWith(files, "systemd/environment-unquoted-space", "Quote the assignment of GREETING"), "[Service]\nExecStart=/bin/true\nEnvironment=\"GREETING=say \\\"hi\\\" now\"\n");
});

