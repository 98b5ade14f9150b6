// The table of every rule. Adding a rule = one module + one line here.
import { limitsSyntaxError } from './limits/syntaxError';
import type { Rule } from './rule';
import { deprecatedOption } from './stunnel/deprecatedOption';
import { insecureProtocol } from './stunnel/insecureProtocol';
import { optionScope } from './stunnel/optionScope';
import { stunnelSyntaxError } from './stunnel/syntaxError';
import { unknownOption } from './stunnel/unknownOption';
import { directiveWrongSection } from './systemd/directiveWrongSection';
import { forkingWithoutPidfile } from './systemd/forkingWithoutPidfile';
import { invalidValue } from './systemd/invalidValue';
import { missingLimitNofile } from './systemd/missingLimitNofile';
import { obsoleteDependency } from './systemd/obsoleteDependency';
import { systemdSyntaxError } from './systemd/syntaxError';
import { unknownDirective } from './systemd/unknownDirective';
import { unknownSection } from './systemd/unknownSection';
import { ignoredByServices } from './limits/ignoredByServices';
import { defaultRlimitsIgnored } from './stunnel/defaultRlimitsIgnored';
import { relativePathUnderSystemd } from './stunnel/relativePathUnderSystemd';
import { nofileBelowExpectedConnections } from './systemd/nofileBelowExpectedConnections';
import { pidfileMismatch } from './systemd/pidfileMismatch';
import { privilegedPortWithoutCapability } from './systemd/privilegedPortWithoutCapability';
import { typeForegroundMismatch } from './systemd/typeForegroundMismatch';
import { systemdUnknownAccount } from './systemd/unknownAccount';
import { userSetuidConflict } from './systemd/userSetuidConflict';

export const RULES: readonly Rule[] = [
  stunnelSyntaxError,
  unknownOption,
  optionScope,
  deprecatedOption,
  insecureProtocol,
  systemdSyntaxError,
  unknownSection,
  unknownDirective,
  directiveWrongSection,
  invalidValue,
  missingLimitNofile,
  obsoleteDependency,
  forkingWithoutPidfile,
  limitsSyntaxError,
  typeForegroundMismatch,
  pidfileMismatch,
  nofileBelowExpectedConnections,
  userSetuidConflict,
  privilegedPortWithoutCapability,
  systemdUnknownAccount,
  relativePathUnderSystemd,
  ignoredByServices,
  defaultRlimitsIgnored,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
