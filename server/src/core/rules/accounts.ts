// Shared by the two unknown-account rules: is a user or group name known to the account files
// of the workspace, and what is the nearest known name.
import { closest } from '../text';
import { accountsFrom, type Accounts } from '../workspace/systemFiles';
import type { Workspace } from '../workspace/workspace';

export function accountsFor(ws: Workspace, uri: string): Accounts {
  return accountsFrom(ws.systemFilesFor('passwd', uri), ws.systemFilesFor('group', uri), ws.imageRootOf(uri));
}

export interface UnknownAccount {
  kind: 'user' | 'group';
  file: string;
  fileUri: string;
  suggestion?: string;
}

/** Why `name` is not a known account, or undefined when it is (or cannot be told: numeric ids, specifiers, no account file). */
export function unknownAccount(accounts: Accounts, kind: 'user' | 'group', name: string): UnknownAccount | undefined {
  const db = kind === 'user' ? accounts.users : accounts.groups;
  if (!db || name === '' || /^\d+$/.test(name) || name.includes('%') || name.includes('$')) return undefined;
  if (db.names.has(name)) return undefined;
  return { kind, file: db.label, fileUri: db.uri, suggestion: closest(name, db.names.keys()) };
}
