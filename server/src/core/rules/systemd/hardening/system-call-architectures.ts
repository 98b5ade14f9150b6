import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): SystemCallArchitectures=. */
export const hardeningSystemCallArchitectures = hardeningRule(HARDENING.find((h) => h.name === 'system-call-architectures')!);
