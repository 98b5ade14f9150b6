import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): NoNewPrivileges=. */
export const hardeningNoNewPrivileges = hardeningRule(HARDENING.find((h) => h.name === 'no-new-privileges')!);
