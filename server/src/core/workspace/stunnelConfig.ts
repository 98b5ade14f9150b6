// What the graph needs to know about a stunnel config: its global settings as stunnel reads
// them (names are case-insensitive, the last line wins), its services and their listening ports.
import { stunnelOption } from '../knowledge/stunnel';
import { joinPath } from '../paths';
import type { Entry, ParsedDocument, Section } from '../syntax/ast';

/** The line in force for a global option (before the first section), if any. */
export function globalOption(config: ParsedDocument, name: string): Entry | undefined {
  let out: Entry | undefined;
  for (const e of config.sections[0].entries) if (stunnelOption(e.key)?.name === name) out = e;
  return out;
}

/** Lines of an option in a section (or the global part), in order. */
export function optionEntries(section: Section, name: string): Entry[] {
  return section.entries.filter((e) => stunnelOption(e.key)?.name === name);
}

/** Whether stunnel stays in the foreground (`foreground = yes` or `quiet`). */
export function runsInForeground(config: ParsedDocument): boolean {
  const e = globalOption(config, 'foreground');
  return !!e && /^(yes|quiet)$/i.test(e.value);
}

export function serviceSections(config: ParsedDocument): Section[] {
  return config.sections.filter((s) => s.name !== null);
}

/** The pid file a stunnel config makes stunnel write, as seen from outside a chroot; /var/run is written /run. */
export function stunnelPidPath(config: ParsedDocument): string | undefined {
  const pid = globalOption(config, 'pid')?.value;
  const chroot = globalOption(config, 'chroot')?.value;
  if (!pid || !pid.startsWith('/')) return undefined;
  const full = chroot ? joinPath(chroot, pid) : pid;
  return normalizeRunPath(full);
}

/** /var/run is a symlink to /run; systemd compares the two as one. */
export function normalizeRunPath(p: string): string {
  return p.replace(/^\/var\/run(\/|$)/, '/run$1');
}

export interface AcceptPort {
  entry: Entry;
  section: Section;
  port: number;
}

/** TCP ports the services listen on (`accept = [host:]port`); Unix sockets are left out. */
export function acceptPorts(config: ParsedDocument): AcceptPort[] {
  const out: AcceptPort[] = [];
  for (const s of serviceSections(config)) {
    for (const e of optionEntries(s, 'accept')) {
      if (e.value.startsWith('/')) continue;
      const m = /(?:^|:)(\d+)$/.exec(e.value.trim());
      if (m) out.push({ entry: e, section: s, port: Number(m[1]) });
    }
  }
  return out;
}
