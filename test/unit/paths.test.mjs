// URI <-> path conversion: escapes are decoded, a URI without any is taken as it is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core } from '../helpers.mjs';

test('uriToPath decodes escapes and leaves plain and malformed ones alone', () => {
  assert.equal(core.uriToPath('file:///etc/systemd/system/stunnel.service'), '/etc/systemd/system/stunnel.service');
  assert.equal(core.uriToPath('file:///srv/my%20units/a%40b.service'), '/srv/my units/a@b.service');
  assert.equal(core.uriToPath('file:///etc/a%zz%20b.service'), '/etc/a%zz b.service');
  assert.equal(core.uriToPath('untitled:Untitled-1'), 'Untitled-1');
});

test('pathToUri and uriToPath are inverse for names with blanks, % and non-ASCII letters', () => {
  for (const p of ['/etc/stunnel/stunnel.conf', '/srv/a b/%41.conf', '/srv/ünïts/x@y.service']) assert.equal(core.uriToPath(core.pathToUri(p)), p);
});
