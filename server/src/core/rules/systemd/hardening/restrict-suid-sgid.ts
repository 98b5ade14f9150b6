import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): RestrictSUIDSGID=. */
export const hardeningRestrictSuidSgid = hardeningRule(HARDENING.find((h) => h.name === 'restrict-suid-sgid')!);
