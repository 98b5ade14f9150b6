import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): MemoryDenyWriteExecute=. */
export const hardeningMemoryDenyWriteExecute = hardeningRule(HARDENING.find((h) => h.name === 'memory-deny-write-execute')!);
