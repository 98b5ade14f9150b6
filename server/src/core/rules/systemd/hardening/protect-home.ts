import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): ProtectHome=. */
export const hardeningProtectHome = hardeningRule(HARDENING.find((h) => h.name === 'protect-home')!);
