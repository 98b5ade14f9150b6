import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): User=. */
export const hardeningUser = hardeningRule(HARDENING.find((h) => h.name === 'user')!);
