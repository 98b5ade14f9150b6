import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): ProtectClock=. */
export const hardeningProtectClock = hardeningRule(HARDENING.find((h) => h.name === 'protect-clock')!);
