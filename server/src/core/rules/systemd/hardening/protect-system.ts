import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): ProtectSystem=. */
export const hardeningProtectSystem = hardeningRule(HARDENING.find((h) => h.name === 'protect-system')!);
