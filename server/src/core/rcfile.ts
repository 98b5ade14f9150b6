// The content of a .daemonlintrc file (INI) as partial settings. Finding the file is the caller's
// business; this only reads its text.
//
//   systemdVersion = 252
//   stunnelVersion = 5.68
//   security = true
//   expectedConnections = 2000
//   [rules]
//   systemd/obsolete-dependency = off
//   stunnel/deprecated-option = error
import { parse } from 'ini';
import { ruleById } from './rules/registry';
import type { RuleLevel } from './settings';
import { UNUSED_SUPPRESSION } from './suppress';

export interface RcSettings {
  rules?: Record<string, RuleLevel>;
  systemdVersion?: number;
  stunnelVersion?: string;
  security?: boolean;
  expectedConnections?: number;
}

export interface RcResult {
  settings: RcSettings;
  /** What was wrong, one short sentence each; the settings keep everything that was valid. */
  problems: string[];
}

export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];

/** Checks one `id = level` pair, returning why it is wrong, if it is. */
export function ruleLevelProblem(id: string, level: unknown): string | undefined {
  if (!ruleById(id) && id !== UNUSED_SUPPRESSION) return `unknown rule '${id}' (see daemonlint --list-rules)`;
  if (typeof level !== 'string' || !(RULE_LEVELS as string[]).includes(level)) {
    return `rule '${id}': level must be one of ${RULE_LEVELS.join(', ')}, not '${String(level)}'`;
  }
  return undefined;
}

export function parseRcFile(text: string): RcResult {
  const settings: RcSettings = {};
  const problems: string[] = [];
  let data: Record<string, unknown>;
  try {
    data = parse(text) as Record<string, unknown>;
  } catch (e) {
    return { settings, problems: [`cannot be read as INI: ${e instanceof Error ? e.message : String(e)}`] };
  }
  for (const [key, value] of Object.entries(data)) {
    switch (key) {
      case 'rules': {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          problems.push("'rules' must be a [rules] section");
          break;
        }
        for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
          if (level && typeof level === 'object') {
            problems.push(`[rules.${id}]: nested sections are not supported; write '${id}/... = level' under [rules]`);
            continue;
          }
          const problem = ruleLevelProblem(id, level);
          if (problem) problems.push(problem);
          else (settings.rules ??= {})[id] = level as RuleLevel;
        }
        break;
      }
      case 'systemdVersion': {
        const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
        if (Number.isInteger(n) && n >= 200) settings.systemdVersion = n;
        else problems.push(`systemdVersion must be a whole number such as 252, not '${String(value)}'`);
        break;
      }
      case 'stunnelVersion': {
        if (typeof value === 'string' && /^\d+\.\d+$/.test(value.trim())) settings.stunnelVersion = value.trim();
        else problems.push(`stunnelVersion must look like 5.68, not '${String(value)}'`);
        break;
      }
      case 'security': {
        if (typeof value === 'boolean') settings.security = value;
        else problems.push(`security must be true or false, not '${String(value)}'`);
        break;
      }
      case 'expectedConnections': {
        const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
        if (Number.isInteger(n) && n > 0) settings.expectedConnections = n;
        else problems.push(`expectedConnections must be a positive whole number, not '${String(value)}'`);
        break;
      }
      default:
        problems.push(
          value && typeof value === 'object' && !Array.isArray(value)
            ? `unknown section [${key}] (only [rules] is read)`
            : `unknown key '${key}' (known: systemdVersion, stunnelVersion, security, expectedConnections, [rules])`,
        );
    }
  }
  return { settings, problems };
}
