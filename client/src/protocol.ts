// Names shared by the client and the server, declared once.
export const LANGUAGES = ['stunnel', 'systemd-unit', 'limits-conf'] as const;
export const CONFIG_SECTION = 'daemonlint';
export const OUTPUT_CHANNEL = 'Daemonlint';
