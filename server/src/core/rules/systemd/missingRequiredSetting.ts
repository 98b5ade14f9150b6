import type { Rule } from '../rule';
import { cxOf, effective, effectiveValue, isDropInDoc, isMasked, truthy, unitAnchor, unitNameOfDoc, unloadable, validEntry } from './context';

const LISTEN = ['ListenStream', 'ListenDatagram', 'ListenSequentialPacket', 'ListenFIFO', 'ListenSpecial', 'ListenNetlink', 'ListenMessageQueue', 'ListenUSBFunction'];
const TIMER_VALUES = ['OnActiveSec', 'OnBootSec', 'OnStartupSec', 'OnUnitActiveSec', 'OnUnitInactiveSec', 'OnCalendar'];
const PATH_SPECS = ['PathExists', 'PathExistsGlob', 'PathChanged', 'PathModified', 'DirectoryNotEmpty'];

export const missingRequiredSetting: Rule = {
  id: 'systemd/missing-required-setting',
  dialect: 'systemd-unit',
  severity: 'error',
  summary: 'A unit without the setting its type cannot do without (a socket without Listen*=, a timer without On*=, a path unit without Path*=, Type=dbus without BusName=, a mount without What=); systemd refuses it.',
  check(ctx) {
    const { doc, workspace: ws } = ctx;
    if (isDropInDoc(doc) || isMasked(doc) || unloadable(doc)) return;
    const name = unitNameOfDoc(doc);
    const type = name.slice(name.lastIndexOf('.') + 1);
    const cx = cxOf(ctx);
    const valid = (section: string, keys: string[]) => effective(ws, doc, section, keys).filter((e) => validEntry(e, cx));
    const say = (section: string, message: string) => ctx.report({ span: unitAnchor(doc, section), message });
    switch (type) {
      case 'socket':
        if (valid('Socket', LISTEN).length === 0) say('Socket', `This socket has no (valid) Listen setting such as ListenStream=: systemd refuses to load it ("Unit has no Listen setting"). Add what it should listen on, e.g. ListenStream=8080 or ListenStream=/run/${name.replace(/\.socket$/, '')}.sock.`);
        break;
      case 'timer':
        if (valid('Timer', TIMER_VALUES).length === 0 && !truthy(effectiveValue(ws, doc, 'Timer', 'OnClockChange')) && !truthy(effectiveValue(ws, doc, 'Timer', 'OnTimezoneChange'))) {
          say('Timer', 'This timer has no (valid) time to elapse: no OnCalendar=, OnBootSec=, OnUnitActiveSec= or other On*= setting that systemd accepts. systemd refuses to load it ("Timer unit lacks value setting").');
        }
        break;
      case 'path':
        if (valid('Path', PATH_SPECS).length === 0) say('Path', 'This path unit watches nothing: no (valid) PathExists=, PathChanged=, PathModified=, PathExistsGlob= or DirectoryNotEmpty=. systemd refuses to load it ("Path unit lacks path setting").');
        break;
      case 'service':
        if (effectiveValue(ws, doc, 'Service', 'Type')?.value === 'dbus' && !effectiveValue(ws, doc, 'Service', 'BusName')) {
          say('Service', 'Type=dbus needs BusName= (the D-Bus name the service takes, e.g. org.example.Daemon): without it systemd refuses to load the unit. Set BusName=, or use Type=notify or Type=exec.');
        }
        break;
      case 'mount':
        if (!effectiveValue(ws, doc, 'Mount', 'What')) say('Mount', 'This mount unit has no What= (the device, file system or source to mount): systemd refuses to load it ("What= setting is missing").');
        break;
    }
  },
};
