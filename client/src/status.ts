// The status-bar item (problem count of the Daemonlint languages) and the menu behind it: lint on
// type or on save, rule documentation, the installed-tools check, the server log. The client
// only shows what the server found; it analyses nothing itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  commands,
  ConfigurationTarget,
  DiagnosticSeverity,
  languages,
  StatusBarAlignment,
  Uri,
  window,
  workspace,
  type ExtensionContext,
  type QuickPickItem,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CONFIG_SECTION,
  LANGUAGES,
  SHOW_MENU_COMMAND,
  TOOL_SOURCES,
  VALIDATE_WITH_TOOLS_COMMAND,
  VALIDATE_WITH_TOOLS_REQUEST,
  type ValidateWithToolsParams,
  type ValidateWithToolsResult,
} from './protocol';

const SOURCES = new Set<string>(['daemonlint', ...TOOL_SOURCES]);

interface Counts {
  errors: number;
  warnings: number;
  others: number;
  /** Documents with at least one problem. */
  files: number;
}

/** Daemonlint's problems in the open documents of one language. */
function countProblems(languageId: string): Counts {
  const c: Counts = { errors: 0, warnings: 0, others: 0, files: 0 };
  for (const doc of workspace.textDocuments) {
    if (doc.languageId !== languageId) continue;
    const ours = languages.getDiagnostics(doc.uri).filter((d) => d.source !== undefined && SOURCES.has(d.source));
    if (ours.length) c.files++;
    for (const d of ours) {
      if (d.severity === DiagnosticSeverity.Error) c.errors++;
      else if (d.severity === DiagnosticSeverity.Warning) c.warnings++;
      else c.others++;
    }
  }
  return c;
}

const isOurs = (languageId: string | undefined) => (LANGUAGES as readonly string[]).includes(languageId ?? '');

/** Rule ids documented in the extension's docs/rules folder. */
function documentedRules(extensionPath: string): string[] {
  const base = path.join(extensionPath, 'docs', 'rules');
  const out: string[] = [];
  try {
    for (const dir of fs.readdirSync(base, { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      for (const f of fs.readdirSync(path.join(base, dir.name))) if (f.endsWith('.md')) out.push(`${dir.name}/${f.slice(0, -3)}`);
    }
  } catch {
    /* no docs shipped */
  }
  return out.sort();
}

async function openRuleDocs(context: ExtensionContext): Promise<void> {
  const active = window.activeTextEditor?.document.uri;
  const here = new Map<string, number>();
  if (active) {
    for (const d of languages.getDiagnostics(active)) {
      const code = typeof d.code === 'object' ? String(d.code.value) : d.code !== undefined ? String(d.code) : undefined;
      if (code && d.source === 'daemonlint') here.set(code, (here.get(code) ?? 0) + 1);
    }
  }
  const all = documentedRules(context.extensionPath);
  const items: QuickPickItem[] = [
    ...[...here].map(([id, n]) => ({ label: id, description: `${n} in this file` })),
    ...all.filter((id) => !here.has(id)).map((id) => ({ label: id })),
  ];
  const pick = await window.showQuickPick(items, { placeHolder: 'Open the documentation of a rule' });
  if (!pick) return;
  const page = Uri.file(path.join(context.extensionPath, 'docs', 'rules', `${pick.label}.md`));
  await commands.executeCommand('markdown.showPreview', page);
}

/** Sets daemonlint.run where it is already set, else for the workspace (or globally without one). */
async function setRun(value: 'onType' | 'onSave'): Promise<void> {
  const config = workspace.getConfiguration(CONFIG_SECTION, window.activeTextEditor?.document.uri);
  const where = config.inspect('run');
  const target =
    where?.workspaceFolderValue !== undefined
      ? ConfigurationTarget.WorkspaceFolder
      : where?.workspaceValue !== undefined || workspace.workspaceFolders?.length
        ? ConfigurationTarget.Workspace
        : ConfigurationTarget.Global;
  await config.update('run', value, target);
}

export async function validateWithInstalledTools(client: LanguageClient | undefined): Promise<void> {
  if (!workspace.isTrusted) {
    const choice = await window.showWarningMessage('Daemonlint: Validate with Installed Tools runs programs on this machine; trust this workspace first.', 'Manage Workspace Trust');
    if (choice) await commands.executeCommand('workbench.trust.manage');
    return;
  }
  const doc = window.activeTextEditor?.document;
  if (!client || !doc || !isOurs(doc.languageId)) {
    void window.showInformationMessage('Daemonlint: open a stunnel config or a systemd unit first.');
    return;
  }
  const params: ValidateWithToolsParams = { uri: doc.uri.toString() };
  const result = await client.sendRequest<ValidateWithToolsResult>(VALIDATE_WITH_TOOLS_REQUEST, params);
  const show = result.diagnostics > 0 ? window.showWarningMessage : window.showInformationMessage;
  void show(`Daemonlint: ${result.message}`);
}

export function registerStatus(context: ExtensionContext, getClient: () => LanguageClient | undefined): void {
  const item = window.createStatusBarItem('daemonlint.status', StatusBarAlignment.Right, 100);
  item.name = 'Daemonlint';
  item.command = SHOW_MENU_COMMAND;

  const update = () => {
    const editor = window.activeTextEditor;
    if (!editor || !isOurs(editor.document.languageId)) {
      item.hide();
      return;
    }
    const language = editor.document.languageId;
    const c = countProblems(language);
    const run = workspace.getConfiguration(CONFIG_SECTION, editor.document.uri).get<string>('run') === 'onSave' ? 'on save' : 'while typing';
    item.text = c.errors + c.warnings + c.others === 0 ? '$(check) Daemonlint' : `$(error) ${c.errors} $(warning) ${c.warnings} Daemonlint`;
    item.tooltip = `Daemonlint: ${c.errors} error(s), ${c.warnings} warning(s), ${c.others} other(s) in ${c.files} open ${language} file(s). Linting ${run}. Click for options.`;
    item.show();
  };

  context.subscriptions.push(
    item,
    languages.onDidChangeDiagnostics(update),
    window.onDidChangeActiveTextEditor(update),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${CONFIG_SECTION}.run`)) update();
    }),
    commands.registerCommand(VALIDATE_WITH_TOOLS_COMMAND, () => validateWithInstalledTools(getClient())),
    commands.registerCommand(SHOW_MENU_COMMAND, async () => {
      const uri = window.activeTextEditor?.document.uri;
      const onSave = workspace.getConfiguration(CONFIG_SECTION, uri).get<string>('run') === 'onSave';
      const actions: (QuickPickItem & { run: () => unknown })[] = [
        onSave
          ? { label: '$(edit) Lint while typing', description: 'now: on save', run: () => setRun('onType') }
          : { label: '$(save) Lint on save only', description: 'now: while typing', run: () => setRun('onSave') },
        { label: '$(book) Open rule documentation…', run: () => openRuleDocs(context) },
        ...(workspace.isTrusted ? [{ label: '$(beaker) Validate with Installed Tools', description: 'systemd-analyze, stunnel', run: () => validateWithInstalledTools(getClient()) }] : []),
        { label: '$(output) Show the server log', run: () => getClient()?.outputChannel.show() },
        { label: '$(gear) Settings', run: () => commands.executeCommand('workbench.action.openSettings', 'daemonlint') },
      ];
      const pick = await window.showQuickPick(actions, { placeHolder: 'Daemonlint' });
      await pick?.run();
    }),
  );
  update();
}
