import type { ProgressEvent } from '@benignlab/experiments';
import type { Style } from './style.js';

/** Where progress goes: a writable stream with an optional TTY flag and width. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * Formats seconds as `m:ss`.
 *
 * @example
 * ```ts
 * formatDuration(75); // '1:15'
 * ```
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–:––';
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * A one-line progress bar with ETA, redrawn in place on a TTY and silent otherwise (pipes
 * and CI logs get only the final table). The ETA extrapolates elapsed time by the share
 * of estimated cost done, which tracks wall time far better than the share of cells
 * (cells at large n cost hundreds of times more than at small n).
 *
 * @example
 * ```ts
 * const bar = new ProgressBar(process.stderr, styleFor(process.stderr, process.env));
 * runPlans(plans, { onProgress: (event) => bar.update(event) });
 * ```
 */
export class ProgressBar {
  readonly #stream: ProgressStream;
  readonly #style: Style;
  readonly #started: number;
  readonly #costs = new Map<string, { done: number; total: number; cells: number; cellsDone: number }>();
  #lastDraw = 0;
  #active = false;

  constructor(stream: ProgressStream, style: Style, startedMs: number = performance.now()) {
    this.#stream = stream;
    this.#style = style;
    this.#started = startedMs;
    this.#active = Boolean(stream.isTTY);
  }

  /** Feeds one runner event. */
  update(event: ProgressEvent): void {
    if (event.type === 'experiment-start') {
      this.#costs.set(event.id, { done: 0, total: event.cost, cells: event.cells, cellsDone: 0 });
    } else if (event.type === 'cell-done') {
      const entry = this.#costs.get(event.id);
      if (entry) {
        entry.done = event.costDone;
        entry.cellsDone = event.done;
      }
    }
    this.#draw(event.type !== 'cell-done');
  }

  #draw(force: boolean): void {
    if (!this.#active) return;
    const now = performance.now();
    if (!force && now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    let done = 0;
    let total = 0;
    let cellsDone = 0;
    let cells = 0;
    const running: string[] = [];
    for (const [id, entry] of this.#costs) {
      done += entry.done;
      total += entry.total;
      cellsDone += entry.cellsDone;
      cells += entry.cells;
      if (entry.cellsDone < entry.cells) running.push(id);
    }
    const fraction = total > 0 ? done / total : 0;
    const elapsed = (now - this.#started) / 1000;
    const eta = fraction > 0.02 ? (elapsed * (1 - fraction)) / fraction : Number.NaN;
    const width = 24;
    const filled = Math.round(fraction * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const runningIds = running.slice(0, 4).join(' ');
    const plain = `reproduce ${bar} ${String(Math.floor(fraction * 100)).padStart(3)}%  cells ${cellsDone}/${cells}  elapsed ${formatDuration(elapsed)}  ETA ${formatDuration(eta)}  ${runningIds}`;
    // Truncate the visible text (not the escape codes) to the terminal width.
    const columns = this.#stream.columns || 100;
    const visible = plain.length > columns - 1 ? plain.slice(0, columns - 1) : plain;
    this.#stream.write(`\r\u001b[2K${this.#style.bold('reproduce')}${visible.slice('reproduce'.length)}`);
  }

  /** Clears the bar so the next output starts on a clean line. */
  finish(): void {
    if (this.#active) this.#stream.write('\r\u001b[2K');
    this.#active = false;
  }
}
