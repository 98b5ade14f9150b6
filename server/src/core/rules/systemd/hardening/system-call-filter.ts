import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): SystemCallFilter=. */
export const hardeningSystemCallFilter = hardeningRule(HARDENING.find((h) => h.name === 'system-call-filter')!);
