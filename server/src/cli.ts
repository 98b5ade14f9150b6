// daemonlint: lints stunnel.conf, systemd units and limits.conf files from the command line,
// with the same core the editor uses. The pieces are in cli/; docs/cli.md is the reference.
import { visible } from './cli/format/common';
import { main } from './cli/main';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// A reader that stops early (`daemonlint | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

main(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, readStdin }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`daemonlint: internal error: ${visible(e instanceof Error ? e.message : String(e))}\n`);
    process.exitCode = 2;
  },
);
