// Line starts for every kind of line break: LF, CRLF, a lone CR, and mixtures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core } from '../helpers.mjs';

const starts = (text) => core.parse('file:///x.service', text, 'systemd-unit').index.lineStarts;

test('LF only, with and without a final break', () => {
  assert.deepEqual(starts(''), [0]);
  assert.deepEqual(starts('a\nbb\n'), [0, 2, 5]);
  assert.deepEqual(starts('a\n\nc'), [0, 2, 3]);
});

test('CRLF, a lone CR and both mixed with LF', () => {
  assert.deepEqual(starts('a\r\nb\r\n'), [0, 3, 6]);
  assert.deepEqual(starts('a\rb\rc'), [0, 2, 4]);
  assert.deepEqual(starts('a\r\nb\nc\rd'), [0, 3, 5, 7]);
  assert.deepEqual(starts('\r\r\n\n'), [0, 1, 3, 4]);
});
