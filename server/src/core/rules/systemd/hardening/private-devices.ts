import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): PrivateDevices=. */
export const hardeningPrivateDevices = hardeningRule(HARDENING.find((h) => h.name === 'private-devices')!);
