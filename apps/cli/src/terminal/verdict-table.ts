import { decisionText, fmt, type Verdict } from '@benignlab/experiments';
import type { Style } from './style.js';

/**
 * The verdicts as a short plain-text table for the end of a run: one line per claim,
 * claims shortened to fit `width` columns, and under each a dimmed line with the number
 * that decided it and its threshold (`decided by: slope of G = 0.21 (needs > 0.05)`).
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
  const fit = (text: string, room: number) => (text.length > room ? `${text.slice(0, room - 1)}…` : text);
  const lines = [style.bold(`${'exp'.padEnd(4)} ${'verdict'.padEnd(13)} ${'budget'.padEnd(9)} claim`)];
  for (const section of sections) {
    for (const v of section.verdicts) {
      const mark = v.supported
        ? style.green('✔ supported'.padEnd(13))
        : style.red('✘ not support'.padEnd(13));
      lines.push(
        `${section.id.padEnd(4)} ${mark} ${(v.budget ?? '—').padEnd(9)} ${fit(v.claim, claimWidth)}`,
      );
      // Results written before verdicts carried their deciding number have none to show.
      if (v.decidedBy) {
        const truth = v.truthAdversarialRisk === null ? '' : `; R_α(θ*) = ${fmt(v.truthAdversarialRisk)}`;
        lines.push(
          style.dim(
            `${' '.repeat(28)} ${fit(`decided by: ${decisionText(v.decidedBy)}${truth}`, claimWidth)}`,
          ),
        );
      }
    }
  }
  return lines.join('\n');
}
