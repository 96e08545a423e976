import type { Verdict } from '@benignlab/experiments';
import type { Style } from './style.js';

/**
 * The verdicts as a short plain-text table for the end of a run: one line per claim,
 * claims shortened to fit `width` columns.
 *
 * @example
 * ```ts
 * console.log(verdictTable([{ id: 'e1', verdicts }], styleFor(process.stdout, process.env)));
 * ```
 */
export function verdictTable(
  sections: { id: string; verdicts: Verdict[] }[],
  style: Style,
  width = 100,
): string {
  const claimWidth = Math.max(30, width - 32);
  const lines = [style.bold(`${'exp'.padEnd(4)} ${'verdict'.padEnd(13)} ${'budget'.padEnd(9)} claim`)];
  for (const section of sections) {
    for (const v of section.verdicts) {
      const claim = v.claim.length > claimWidth ? `${v.claim.slice(0, claimWidth - 1)}…` : v.claim;
      const mark = v.supported
        ? style.green('✔ supported'.padEnd(13))
        : style.red('✘ not support'.padEnd(13));
      lines.push(`${section.id.padEnd(4)} ${mark} ${(v.budget ?? '—').padEnd(9)} ${claim}`);
    }
  }
  return lines.join('\n');
}
