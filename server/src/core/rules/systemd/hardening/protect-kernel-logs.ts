import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): ProtectKernelLogs=. */
export const hardeningProtectKernelLogs = hardeningRule(HARDENING.find((h) => h.name === 'protect-kernel-logs')!);
