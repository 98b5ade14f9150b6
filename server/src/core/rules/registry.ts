// The table of every rule. Adding a rule = one module + one line here.
import { limitsInvalidValue } from './limits/invalidValue';
import { limitsSyntaxError } from './limits/syntaxError';
import { limitsByteOrderMark } from './limits/byteOrderMark';
import type { Rule } from './rule';
import { debugFacility } from './stunnel/debugFacility';
import { deadOption } from './stunnel/deadOption';
import { duplicateAccept } from './stunnel/duplicateAccept';
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
import { inlineComment } from './systemd/inlineComment';
import { continuationWhitespace } from './systemd/continuationWhitespace';
import { execShellSyntax } from './systemd/execShellSyntax';
import { execEnvExpansion } from './systemd/execEnvExpansion';
import { unescapedPercent } from './systemd/unescapedPercent';
import { environmentUnquotedSpace } from './systemd/environmentUnquotedSpace';
import { specifierNotExpanded } from './systemd/specifierNotExpanded';
import { relativeExec } from './systemd/relativeExec';
import { missingExecStart } from './systemd/missingExecStart';
import { multipleExecStart } from './systemd/multipleExecStart';
import { oneshotRestart } from './systemd/oneshotRestart';
import { socketAcceptTemplate } from './systemd/socketAcceptTemplate';
import { timerWithoutUnit } from './systemd/timerWithoutUnit';
import { missingRequiredSetting } from './systemd/missingRequiredSetting';
import { unitNameMismatch } from './systemd/unitNameMismatch';
import { networkOnlineWithoutWants } from './systemd/networkOnlineWithoutWants';
import { startLimitInService } from './systemd/startLimitInService';
import { deprecatedDirective } from './systemd/deprecatedDirective';
import { deprecatedValue } from './systemd/deprecatedValue';
import { legacyRunPath } from './systemd/legacyRunPath';
import { newerDirective } from './systemd/newerDirective';
import { removedDirective } from './systemd/removedDirective';
import { userName } from './systemd/userName';
import { hardeningUser } from './systemd/hardening/user';
import { hardeningNoNewPrivileges } from './systemd/hardening/no-new-privileges';
import { hardeningProtectSystem } from './systemd/hardening/protect-system';
import { hardeningPrivateTmp } from './systemd/hardening/private-tmp';
import { hardeningProtectHome } from './systemd/hardening/protect-home';
import { hardeningCapabilityBoundingSet } from './systemd/hardening/capability-bounding-set';
import { hardeningProtectKernelTunables } from './systemd/hardening/protect-kernel-tunables';
import { hardeningProtectKernelModules } from './systemd/hardening/protect-kernel-modules';
import { hardeningProtectKernelLogs } from './systemd/hardening/protect-kernel-logs';
import { hardeningProtectControlGroups } from './systemd/hardening/protect-control-groups';
import { hardeningPrivateDevices } from './systemd/hardening/private-devices';
import { hardeningRestrictAddressFamilies } from './systemd/hardening/restrict-address-families';
import { hardeningRestrictNamespaces } from './systemd/hardening/restrict-namespaces';
import { hardeningSystemCallFilter } from './systemd/hardening/system-call-filter';
import { hardeningSystemCallArchitectures } from './systemd/hardening/system-call-architectures';
import { hardeningLockPersonality } from './systemd/hardening/lock-personality';
import { hardeningMemoryDenyWriteExecute } from './systemd/hardening/memory-deny-write-execute';
import { hardeningRestrictRealtime } from './systemd/hardening/restrict-realtime';
import { hardeningRestrictSuidSgid } from './systemd/hardening/restrict-suid-sgid';
import { hardeningProtectClock } from './systemd/hardening/protect-clock';
import { hardeningProtectHostname } from './systemd/hardening/protect-hostname';
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
  duplicateAccept,
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
  inlineComment,
  continuationWhitespace,
  execShellSyntax,
  execEnvExpansion,
  unescapedPercent,
  environmentUnquotedSpace,
  specifierNotExpanded,
  relativeExec,
  missingExecStart,
  multipleExecStart,
  oneshotRestart,
  socketAcceptTemplate,
  timerWithoutUnit,
  missingRequiredSetting,
  unitNameMismatch,
  networkOnlineWithoutWants,
  startLimitInService,
  deprecatedDirective,
  deprecatedValue,
  legacyRunPath,
  newerDirective,
  removedDirective,
  userName,
  hardeningUser,
  hardeningNoNewPrivileges,
  hardeningProtectSystem,
  hardeningPrivateTmp,
  hardeningProtectHome,
  hardeningCapabilityBoundingSet,
  hardeningProtectKernelTunables,
  hardeningProtectKernelModules,
  hardeningProtectKernelLogs,
  hardeningProtectControlGroups,
  hardeningPrivateDevices,
  hardeningRestrictAddressFamilies,
  hardeningRestrictNamespaces,
  hardeningSystemCallFilter,
  hardeningSystemCallArchitectures,
  hardeningLockPersonality,
  hardeningMemoryDenyWriteExecute,
  hardeningRestrictRealtime,
  hardeningRestrictSuidSgid,
  hardeningProtectClock,
  hardeningProtectHostname,
  limitsSyntaxError,
  limitsInvalidValue,
  limitsByteOrderMark,
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
