import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): ProtectHostname=. */
export const hardeningProtectHostname = hardeningRule(HARDENING.find((h) => h.name === 'protect-hostname')!);
