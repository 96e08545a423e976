import { availableParallelism } from 'node:os';
import { ownInvocation } from '../own-invocation.js';
import { kubernetesJob, slurmScript } from '../sweep/sweep-script-text.js';
import { UsageError } from '../usage-error.js';
import { versions } from '../versions.js';
import { sweepScriptCommand } from './definitions.js';
import { formatCommandHelp } from './help-text.js';
import { parseCommandLine } from './parse-command-line.js';
import type { CommandIo } from './reproduce.js';
import { parseRunArgs } from './run-options.js';

/** The `run` flags a sweep script passes through, with whether they take a value. */
const PASSED_THROUGH: readonly (readonly [string, boolean])[] = [
  ['quick', false],
  ['set', true],
  ['config', true],
  ['seeds', true],
  ['seed', true],
  ['fresh', false],
];

/**
 * `benignlab sweep-script --slurm|--k8s <id> [run options…] [--shards N]`: prints an
 * sbatch job-array script or a Kubernetes Indexed Job manifest that runs the experiment
 * in N shards into a shared directory, then tells how to merge. The run options are
 * validated exactly as `benignlab run` validates them, so a script never fails on a typo
 * on the cluster. Needs no cluster access.
 *
 * @example
 * ```ts
 * await sweepScriptMain(['--slurm', 'e2', '--quick', '--shards', '8', '--out', '/scratch/e2'], io);
 * ```
 */
export async function sweepScriptMain(argv: readonly string[], io: CommandIo): Promise<number> {
  const { flags, positionals, given } = parseCommandLine(sweepScriptCommand, argv);
  if (flags.help === true) {
    io.stdout.write(`${formatCommandHelp(sweepScriptCommand)}\n`);
    return 0;
  }
  const slurm = flags.slurm === true;
  const k8s = flags.k8s === true;
  if (slurm === k8s) {
    throw new UsageError(slurm ? '--k8s' : '--slurm', 'expected exactly one of --slurm or --k8s');
  }
  if (slurm && (given.has('image') || given.has('pvc'))) {
    throw new UsageError(given.has('image') ? '--image' : '--pvc', 'only applies to --k8s');
  }
  for (const name of ['time', 'partition']) {
    if (k8s && given.has(name)) throw new UsageError(`--${name}`, 'only applies to --slurm');
  }
  const id = positionals[0] as string;
  const runArgs: string[] = [];
  for (const [name, takesValue] of PASSED_THROUGH) {
    const value = flags[name];
    if (!given.has(name)) continue;
    if (!takesValue) runArgs.push(`--${name}`);
    else for (const item of Array.isArray(value) ? value : [value]) runArgs.push(`--${name}`, String(item));
  }
  const out = (flags.out as string | undefined) ?? (k8s ? '/results' : 'benignlab-results');
  const version = versions().benignlab ?? 'latest';
  const spec = {
    id,
    runArgs,
    out,
    shards: flags.shards as number,
    cpus: flags.cpus as number,
    time: flags.time as string,
    mem: flags.mem as string | undefined,
    partition: flags.partition as string | undefined,
    image: flags.image as string,
    pvc: flags.pvc as string,
    version,
    // The tasks run the CLI that wrote the script unless that is a published install.
    cli: ownInvocation(version),
  };
  // Checks every value for the scheduler and its script language first, then the run's
  // settings exactly as `run` does, so nothing fails later on the cluster.
  const text = slurm ? slurmScript(spec) : kubernetesJob(spec);
  parseRunArgs([id, ...runArgs, '--out', out], availableParallelism());
  if (flags.json === true) {
    const file = slurm ? `benignlab-${id}.sbatch` : `benignlab-${id}.yaml`;
    io.stdout.write(`${JSON.stringify({ scheduler: slurm ? 'slurm' : 'k8s', file, text })}\n`);
  } else {
    io.stdout.write(text);
  }
  return 0;
}
