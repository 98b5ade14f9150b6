// The table of every rule. Adding a rule = one module + one line here.
import { limitsSyntaxError } from './limits/syntaxError';
import type { Rule } from './rule';
import { debugFacility } from './stunnel/debugFacility';
import { deadOption } from './stunnel/deadOption';
import { duplicateService } from './stunnel/duplicateService';
import { fipsProvider } from './stunnel/fipsProvider';
import { globalAccept } from './stunnel/globalAccept';
import { includeError } from './stunnel/includeError';
import { inlineCommentRule } from './stunnel/inlineComment';
import { invalidValue as stunnelInvalidValue } from './stunnel/invalidValue';
import { ipv6Brackets } from './stunnel/ipv6Brackets';
import { missingCa } from './stunnel/missingCa';
import { missingCertificate } from './stunnel/missingCertificate';
import { missingFile } from './stunnel/missingFile';
import { newerOption } from './stunnel/newerOption';
import { portRange } from './stunnel/portRange';
import { protocolMode } from './stunnel/protocolMode';
import { redirectUnsupported } from './stunnel/redirectUnsupported';
import { relativePathWithoutForeground } from './stunnel/relativePathWithoutForeground';
import { repeatedOption } from './stunnel/repeatedOption';
import { serviceEndpoints } from './stunnel/serviceEndpoints';
import { setuidLowPort } from './stunnel/setuidLowPort';
import { sniPrimary } from './stunnel/sniPrimary';
import { ticketSecrets } from './stunnel/ticketSecrets';
import { unauthenticatedClient } from './stunnel/unauthenticatedClient';
import { unknownUser } from './stunnel/unknownUser';
import { verifyRequired } from './stunnel/verifyRequired';
import { versionRange } from './stunnel/versionRange';
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
  stunnelInvalidValue,
  inlineCommentRule,
  debugFacility,
  ipv6Brackets,
  portRange,
  newerOption,
  includeError,
  serviceEndpoints,
  missingCertificate,
  missingCa,
  verifyRequired,
  redirectUnsupported,
  versionRange,
  protocolMode,
  ticketSecrets,
  sniPrimary,
  relativePathWithoutForeground,
  missingFile,
  unknownUser,
  duplicateService,
  repeatedOption,
  globalAccept,
  deadOption,
  fipsProvider,
  unauthenticatedClient,
  setuidLowPort,
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
