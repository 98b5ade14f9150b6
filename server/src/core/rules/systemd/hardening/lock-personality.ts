import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): LockPersonality=. */
export const hardeningLockPersonality = hardeningRule(HARDENING.find((h) => h.name === 'lock-personality')!);
