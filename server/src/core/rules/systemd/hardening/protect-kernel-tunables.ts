import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): ProtectKernelTunables=. */
export const hardeningProtectKernelTunables = hardeningRule(HARDENING.find((h) => h.name === 'protect-kernel-tunables')!);
