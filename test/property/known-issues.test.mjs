// Bugs the property tests found that are not fixed yet, one todo test each, with the smallest
// input that shows it. props.mjs (KNOWN_ISSUES) leaves these cases out of the property it fails.
// When a todo test here starts to pass, remove its KNOWN_ISSUES entry and move the test, without
// its `todo`, to regressions.test.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, briefs, core, lint } from '../helpers.mjs';

const UNIT = '/etc/systemd/system/stunnel.service';
const DROPIN = '/etc/systemd/system/stunnel.service.d/override.conf';
const CONF = '/etc/stunnel/stunnel.conf';

/** Applies a fix to every file it changes and returns the new set of files. */
function applied(files, fix) {
  const next = { ...files };
  for (const c of fix.changes) {
    const p = core.uriToPath(c.uri);
    next[p] = applyFix(files[p] ?? '', { changes: [c] }, c.uri);
  }
  return next;
}

// No known issue is open at the moment: the next one goes here as a todo test.
