// Core values -> LSP values. The only place that knows both shapes.
import {
  CodeAction,
  CodeActionKind,
  CompletionItem,
  CompletionItemKind,
  CompletionItemTag,
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  MarkupKind,
  TextDocumentEdit,
  CreateFile,
  WorkspaceEdit,
} from './protocol';
import type { CompletionEntry, Finding, Fix, Severity } from './coreApi';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: 'daemonlint',
    code: f.rule,
    message: f.message,
  };
  if (f.docUrl) d.codeDescription = { href: f.docUrl };
  if (f.related.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  if (f.tags?.length) d.tags = f.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  return d;
}

export function toWorkspaceEdit(fix: Fix, versions: (uri: string) => number | null): WorkspaceEdit {
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const c of fix.changes) {
    if (c.create) documentChanges.push(CreateFile.create(c.uri, { ignoreIfExists: true }));
    documentChanges.push(TextDocumentEdit.create({ uri: c.uri, version: c.create ? null : versions(c.uri) }, c.edits));
  }
  return { documentChanges };
}

export function toCodeAction(fix: Fix, finding: Finding, versions: (uri: string) => number | null): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(finding)],
    isPreferred: fix.preferred === true,
    edit: toWorkspaceEdit(fix, versions),
  };
}

const COMPLETION_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  section: CompletionItemKind.Module,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  unit: CompletionItemKind.Reference,
  file: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
};

export function toCompletionItem(c: CompletionEntry): CompletionItem {
  const item: CompletionItem = {
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    textEdit: { range: c.range, newText: c.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
  };
  if (c.detail) item.detail = c.detail;
  if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
  if (c.deprecated) item.tags = [CompletionItemTag.Deprecated];
  // After a folder, its contents are the next thing to pick.
  if (c.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}
