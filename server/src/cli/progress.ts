// Progress on stderr while a big tree is linted: only on a terminal and only past 200 files, so
// logs and pipes never see it. One line, rewritten in place, erased when done.
export const PROGRESS_THRESHOLD = 200;
const EVERY_MS = 100;

export class Progress {
  private total = 0;
  private count = 0;
  private last = 0;
  private shown = false;

  constructor(
    private readonly out: { write(s: string): unknown; isTTY?: boolean },
    private readonly now: () => number = Date.now,
  ) {}

  private get active(): boolean {
    return this.out.isTTY === true && this.total > PROGRESS_THRESHOLD;
  }

  start(total: number): void {
    this.total = total;
    this.count = 0;
    this.last = 0;
  }

  tick(): void {
    this.count++;
    if (!this.active) return;
    const t = this.now();
    if (this.shown && t - this.last < EVERY_MS && this.count < this.total) return;
    this.last = t;
    this.shown = true;
    this.out.write(`\rdaemonlint: linting ${this.count}/${this.total} files`);
  }

  done(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }
}
