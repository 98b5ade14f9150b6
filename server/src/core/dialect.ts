// Which language a file is, from its path alone (the same patterns the extension declares).
import { UNIT_TYPES } from './knowledge/systemd';
import { basename, dirname } from './paths';
import type { Dialect } from './types';

const UNIT_SUFFIX = new RegExp(`\\.(${UNIT_TYPES.join('|')})$`);
const DROPIN_DIR = new RegExp(`\\.(${UNIT_TYPES.join('|')})\\.d$`);

export function detectDialect(path: string): Dialect | undefined {
  const name = basename(path);
  const dir = basename(dirname(path));
  const parent = basename(dirname(dirname(path)));
  if (UNIT_SUFFIX.test(name)) return 'systemd-unit';
  if (dir === 'default' && /^stunnel\d*$/.test(name)) return 'default-env';
  if (name.endsWith('.conf') && DROPIN_DIR.test(dir)) return 'systemd-unit';
  if (name === 'limits.conf' || (dir === 'limits.d' && name.endsWith('.conf'))) return 'limits-conf';
  if (/^stunnel.*\.conf$/.test(name)) return 'stunnel';
  if (name.endsWith('.conf') && (dir === 'stunnel' || dir.startsWith('stunnel'))) return 'stunnel';
  if (name.endsWith('.conf') && dir === 'conf.d' && parent.startsWith('stunnel')) return 'stunnel';
  return undefined;
}

/** The unit type of a unit file or drop-in (`service` for foo.service.d/x.conf). */
export function unitTypeOf(path: string): string | undefined {
  const m = UNIT_SUFFIX.exec(basename(path)) ?? DROPIN_DIR.exec(basename(dirname(path)));
  return m?.[1];
}

/** For a drop-in `x/foo@.service.d/y.conf`, the unit name `foo@.service`. */
export function dropInUnitName(path: string): string | undefined {
  const dir = basename(dirname(path));
  return DROPIN_DIR.test(dir) && basename(path).endsWith('.conf') ? dir.slice(0, -2) : undefined;
}
