import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): PrivateTmp=. */
export const hardeningPrivateTmp = hardeningRule(HARDENING.find((h) => h.name === 'private-tmp')!);
