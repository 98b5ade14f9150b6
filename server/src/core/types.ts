// Plain data shared by the whole core. Positions are LSP-compatible: 0-based line, UTF-16 column.

/** `default-env`: /etc/default/stunnel4 and the like, shell assignments read by a SysV init script. */
export type Dialect = 'stunnel' | 'systemd-unit' | 'limits-conf' | 'default-env';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Half-open offsets [start, end) into a document's text. */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A set of edits to one file; `create` means the file does not exist yet. */
export interface FileEdit {
  uri: string;
  edits: TextEdit[];
  create?: boolean;
}

export interface Fix {
  title: string;
  changes: FileEdit[];
  /** Preferred fixes are the one right answer; they may be applied by "fix all". */
  preferred?: boolean;
}

export interface RelatedInfo {
  uri: string;
  range: Range;
  message: string;
}

export interface Finding {
  uri: string;
  rule: string;
  severity: Severity;
  range: Range;
  message: string;
  docUrl?: string;
  fixes: Fix[];
  related: RelatedInfo[];
  tags?: ('unnecessary' | 'deprecated')[];
}
