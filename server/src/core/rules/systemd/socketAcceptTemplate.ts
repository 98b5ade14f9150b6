import type { ParsedDocument } from '../../syntax/ast';
import type { FileEdit } from '../../types';
import type { Workspace } from '../../workspace/workspace';
import { deleteEntry, fix, replaceSpan } from '../fixes';
import type { Rule } from '../rule';
import { effective, effectiveValue, inDoc, truthy, unitFiles, unitNameOfDoc, unitOf } from './context';

/**
 * Deletes every line of a [Socket] key that would be in force: with only the last one gone, an
 * earlier one (in the unit, or a drop-in read before) would apply instead.
 */
function removeAll(ws: Workspace, unit: ParsedDocument, key: string): FileEdit[] {
  const changes: FileEdit[] = [];
  const lines = effective(ws, unit, 'Socket', key);
  for (const d of unitFiles(ws, unit)) {
    const edits = lines.filter((e) => inDoc(d, e)).map((e) => deleteEntry(d, e));
    if (edits.length) changes.push({ uri: d.uri, edits });
  }
  return changes;
}

export const socketAcceptTemplate: Rule = {
  id: 'systemd/socket-accept-template',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: 'A socket with Accept=yes whose service is not a template (NAME@.service), or that names one with Service=: systemd cannot start a service per connection.',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    const name = unitNameOfDoc(doc);
    if (!name.endsWith('.socket')) return;
    const unit = unitOf(ws, doc);
    if (!unit) return;
    const accept = effectiveValue(ws, unit, 'Socket', 'Accept');
    if (!truthy(accept)) return;
    const service = effectiveValue(ws, unit, 'Socket', 'Service');
    if (service && inDoc(doc, service)) {
      ctx.report({
        span: service.keySpan,
        message: `With Accept=yes systemd starts an instance of ${name.replace(/\.socket$/, '@.service')} per connection and does not allow Service=: it refuses to load the socket. Remove Service=, or set Accept=no to hand the listening socket to ${service.value}.`,
        fixes: [{ title: 'Remove Service=', changes: removeAll(ws, unit, 'Service'), preferred: true }],
      });
      return;
    }
    if (!inDoc(doc, accept)) return;
    const base = name.replace(/\.socket$/, '').replace(/@.*$/, '');
    const template = `${base}@.service`;
    const plain = ws.unitNamed(`${base}.service`);
    if (ws.unitNamed(template) || !plain) return;
    ctx.report({
      span: accept.valueSpan,
      message: `Accept=yes makes systemd start ${template} once per connection, but there is no such template here, only ${base}.service. Either turn the service into ${template} (it then gets the connection on stdin/stdout or as fd 3), or set Accept=no so ${base}.service receives the listening socket and accepts connections itself.`,
      related: [{ uri: plain.uri, range: plain.index.lineRange(0), message: `${base}.service is not a template` }],
      fixes: [fix('Set Accept=no', doc, [replaceSpan(doc, accept.valueSpan, 'no')], false)],
    });
  },
};
