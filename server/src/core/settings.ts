// Every user setting, declared once. The extension manifest's `contributes.configuration` is
// checked against this table by a test, and the CLI and server resolve settings through it.
import type { Severity } from './types';

export type RuleLevel = Severity | 'off';

export interface Settings {
  run: 'onType' | 'onSave';
  rules: Record<string, RuleLevel>;
  stunnelVersion: string;
  systemdVersion: number;
  security: boolean;
  expectedConnections: number | null;
}

export const DEFAULT_SETTINGS: Settings = {
  run: 'onType',
  rules: {},
  stunnelVersion: '5.75',
  systemdVersion: 257,
  security: false,
  expectedConnections: null,
};

export interface SettingSchema {
  type: string | string[];
  default: unknown;
  description: string;
  enum?: string[];
  scope: 'resource' | 'window';
  additionalProperties?: unknown;
  minimum?: number;
}

/** `daemonlint.<key>` -> JSON schema, as contributed to VS Code. */
export const SETTINGS_SCHEMA: Record<keyof Settings | 'trace.server', SettingSchema> = {
  run: {
    type: 'string',
    enum: ['onType', 'onSave'],
    default: 'onType',
    description: 'Lint while typing (onType) or only when a file is saved (onSave).',
    scope: 'resource',
  },
  rules: {
    type: 'object',
    default: {},
    additionalProperties: { type: 'string', enum: ['off', 'hint', 'info', 'warning', 'error'] },
    description: 'Severity per rule id, e.g. {"systemd/obsolete-dependency": "off"}.',
    scope: 'resource',
  },
  stunnelVersion: {
    type: 'string',
    default: '5.75',
    description: 'The stunnel version your hosts run; options newer than it are reported.',
    scope: 'resource',
  },
  systemdVersion: {
    type: 'number',
    default: 257,
    minimum: 200,
    description: 'The systemd version your hosts run (Debian 12: 252); directives newer than it are reported.',
    scope: 'resource',
  },
  security: {
    type: 'boolean',
    default: false,
    description: 'Also report missing service hardening (User=, NoNewPrivileges=, ProtectSystem=, ...).',
    scope: 'resource',
  },
  expectedConnections: {
    type: ['number', 'null'],
    default: null,
    description: 'Peak concurrent connections a stunnel service must carry; warns when LimitNOFILE= caps it lower.',
    scope: 'resource',
  },
  'trace.server': {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    description: 'Log the traffic between VS Code and the Daemonlint language server to its output channel.',
    scope: 'window',
  },
};

const LEVELS: RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];

/** Builds settings from untrusted input (client configuration, CLI flags), keeping defaults for anything invalid. */
export function resolveSettings(input: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  if (!input || typeof input !== 'object') return s;
  const o = input as Record<string, unknown>;
  if (o.run === 'onType' || o.run === 'onSave') s.run = o.run;
  if (o.rules && typeof o.rules === 'object') {
    for (const [k, v] of Object.entries(o.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && (LEVELS as string[]).includes(v)) s.rules[k] = v as RuleLevel;
    }
  }
  if (typeof o.stunnelVersion === 'string' && /^\d+\.\d+$/.test(o.stunnelVersion)) s.stunnelVersion = o.stunnelVersion;
  if (typeof o.systemdVersion === 'number' && Number.isFinite(o.systemdVersion)) s.systemdVersion = Math.floor(o.systemdVersion);
  if (typeof o.security === 'boolean') s.security = o.security;
  if (typeof o.expectedConnections === 'number' && o.expectedConnections > 0) s.expectedConnections = o.expectedConnections;
  return s;
}
