import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): RestrictRealtime=. */
export const hardeningRestrictRealtime = hardeningRule(HARDENING.find((h) => h.name === 'restrict-realtime')!);
