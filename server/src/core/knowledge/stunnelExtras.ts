// Words people write in stunnel.conf that are not stunnel options, with what to do instead.
export const STUNNEL_NOT_OPTIONS: Record<string, string> = {
  clients: "stunnel has no 'clients' option: it derives its client cap from the soft open-file limit (limit×125/256). Remove the line and raise LimitNOFILE= in the systemd unit instead.",
  maxclients: "stunnel has no client-count option: it derives its cap from the soft open-file limit (limit×125/256). Remove the line and raise LimitNOFILE= in the systemd unit instead.",
  ssl: "stunnel always speaks TLS on one side; choose the side with 'client = yes|no'.",
  port: "stunnel sets listening and target ports with 'accept = [host:]port' and 'connect = [host:]port'.",
  timeout: "stunnel's timeouts are TIMEOUTbusy, TIMEOUTclose, TIMEOUTconnect and TIMEOUTidle (seconds).",
};
