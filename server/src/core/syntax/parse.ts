import type { Dialect } from '../types';
import type { ParsedDocument } from './ast';
import { parseDefaultEnv } from './defaultEnv';
import { parseLimits } from './limits';
import { parseStunnel } from './stunnel';
import { parseUnitFile } from './unitFile';

export function parse(uri: string, text: string, dialect: Dialect, version?: number): ParsedDocument {
  switch (dialect) {
    case 'stunnel':
      return parseStunnel(uri, text, version);
    case 'systemd-unit':
      return parseUnitFile(uri, text, version);
    case 'limits-conf':
      return parseLimits(uri, text, version);
    case 'default-env':
      return parseDefaultEnv(uri, text, version);
  }
}
