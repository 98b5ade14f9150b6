import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): ProtectKernelModules=. */
export const hardeningProtectKernelModules = hardeningRule(HARDENING.find((h) => h.name === 'protect-kernel-modules')!);
