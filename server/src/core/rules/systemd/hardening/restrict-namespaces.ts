import { hardeningRule } from './rule';
import { HARDENING } from './table';

/** Security (opt-in): RestrictNamespaces=. */
export const hardeningRestrictNamespaces = hardeningRule(HARDENING.find((h) => h.name === 'restrict-namespaces')!);
