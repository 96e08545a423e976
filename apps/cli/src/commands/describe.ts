import { allowedText, findExperiment, type ParamSpec, planExperiment } from '@benignlab/experiments';
import { describeCommand } from './definitions.js';
import { formatCommandHelp } from './help-text.js';
import { parseCommandLine } from './parse-command-line.js';
import type { CommandIo } from './reproduce.js';

function show(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** One setting of an experiment as `describe --json` reports it. */
export interface SettingDescription {
  key: string;
  type: ParamSpec['type'];
  default: ParamSpec['default'];
  quick: ParamSpec['default'] | null;
  allowed: string;
  description: string;
}

/**
 * The schema of an experiment as plain JSON: per setting its type, default, quick value,
 * allowed values (in words) and meaning; plus the cells of a run at the chosen sizes.
 *
 * @param id the experiment id, `e1` … `e7`
 * @param options `quick`: describe the `--quick` sizes; `seed`: the top-level seed the cell seeds derive from
 * @example
 * ```ts
 * describeExperiment('e1', { quick: true, seed: 2024 }).settings[0].key; // 'ns'
 * ```
 */
export function describeExperiment(id: string, options: { quick: boolean; seed: number }) {
  const experiment = findExperiment(id);
  const settings: SettingDescription[] = Object.entries(experiment.schema as Record<string, ParamSpec>).map(
    ([key, spec]) => ({
      key,
      type: spec.type,
      default: spec.default,
      quick: spec.quick ?? null,
      allowed: allowedText(spec),
      description: spec.description,
    }),
  );
  const plan = planExperiment(experiment, options);
  return {
    id: experiment.id,
    title: experiment.title,
    shows: experiment.shows,
    sizes: plan.sizes,
    seed: plan.seed,
    settings,
    config: plan.config,
    cells: plan.cells.map((c) => ({ key: c.key, seed: c.seed, cost: c.cost })),
  };
}

/**
 * `benignlab describe <id>`: the settings of one experiment with defaults, quick values
 * and allowed ranges, and how many cells a run has; `--json` for all of it as JSON.
 *
 * @example
 * ```ts
 * await describeMain(['e1'], io);
 * ```
 */
export async function describeMain(argv: readonly string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseCommandLine(describeCommand, argv);
  if (flags.help === true) {
    io.stdout.write(`${formatCommandHelp(describeCommand)}\n`);
    return 0;
  }
  const description = describeExperiment(positionals[0] as string, {
    quick: flags.quick === true,
    seed: flags.seed as number,
  });
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify(description)}\n`);
    return 0;
  }
  const keyWidth = Math.max(...description.settings.map((s) => s.key.length)) + 2;
  const indent = ' '.repeat(keyWidth);
  const lines = description.settings.map((s) => {
    const values = `default ${show(s.default)}${s.quick === null ? '' : ` · quick ${show(s.quick)}`}`;
    return `${s.key.padEnd(keyWidth)}${values}\n${indent}${s.allowed}\n${indent}${s.description}`;
  });
  io.stdout.write(`${description.id}: ${description.title}\n${description.shows}\n\n`);
  io.stdout.write(`${lines.join('\n')}\n\n`);
  io.stdout.write(
    `A ${description.sizes} run has ${description.cells.length} independent cells. Change a setting with: benignlab run ${description.id} --set key=value\n`,
  );
  return 0;
}
