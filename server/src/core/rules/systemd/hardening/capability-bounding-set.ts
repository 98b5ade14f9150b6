import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): CapabilityBoundingSet=. */
export const hardeningCapabilityBoundingSet = hardeningRule(HARDENING.find((h) => h.name === 'capability-bounding-set')!);
