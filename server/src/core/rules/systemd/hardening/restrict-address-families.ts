import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): RestrictAddressFamilies=. */
export const hardeningRestrictAddressFamilies = hardeningRule(HARDENING.find((h) => h.name === 'restrict-address-families')!);
