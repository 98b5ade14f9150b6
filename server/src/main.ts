// Entry point of daemonlint-language-server. The transport comes from the command line:
// --stdio, --node-ipc or --socket=N, as every vscode-languageserver server takes.
import { ProposedFeatures, createConnection } from './lsp/protocol';
import { startServer } from './server';

declare const DAEMONLINT_VERSION: string;

if (process.argv.includes('--version')) {
  process.stdout.write(`daemonlint-language-server ${DAEMONLINT_VERSION}\n`);
  process.exit(0);
}
if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
  if (process.argv.includes('--help') || process.stdin.isTTY) {
    process.stdout.write('daemonlint-language-server: a language server for stunnel.conf, systemd units and limits.conf.\nRun it from an editor with --stdio (or --node-ipc).\n');
    process.exit(0);
  }
  process.argv.push('--stdio');
}
startServer(createConnection(ProposedFeatures.all));
