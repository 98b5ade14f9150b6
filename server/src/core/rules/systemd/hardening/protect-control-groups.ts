import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): ProtectControlGroups=. */
export const hardeningProtectControlGroups = hardeningRule(HARDENING.find((h) => h.name === 'protect-control-groups')!);
