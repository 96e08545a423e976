import { UsageError } from '../usage-error.js';
import {
  checkClaimName,
  checkCpus,
  checkImage,
  checkMountPath,
  checkPartition,
  checkSlurmTime,
  parseMemory,
  rejectControlCharacters,
} from './sweep-script-checks.js';

/** What a sweep script needs: the run to shard and how to lay it out on the cluster. */
export interface SweepScriptSpec {
  /** Experiment id (lowercase, so usable in a Job name). */
  id: string;
  /** Arguments of `benignlab run` after the id, validated, without shard or workers flags. */
  runArgs: readonly string[];
  /** Output directory; must be shared by every task (a network file system or volume). */
  out: string;
  shards: number;
  /** CPUs per task; also the run's `--workers`. */
  cpus: number;
  /** Slurm `--time` limit per task (`HH:MM:SS`, `D-HH:MM:SS`, minutes, … or `UNLIMITED`). */
  time: string;
  /** Memory per task (`<integer>[K|M|G|T]`, binary units, M when omitted); none when absent. */
  mem?: string | undefined;
  /** Slurm partition(s), comma-separated; the cluster's default when absent. */
  partition?: string | undefined;
  /** Container image (Kubernetes). */
  image: string;
  /** PersistentVolumeClaim mounted at `out` (Kubernetes). */
  pvc: string;
  /** The benignlab version to run (`npx --yes benignlab@<version>`). */
  version: string;
  /**
   * Shell words that run benignlab in a Slurm task (already quoted for the shell); default
   * `npx --yes benignlab@<version>`. `sweep-script` passes the CLI that generated the script.
   */
  cli?: string | undefined;
}

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes one argument for a POSIX shell (single quotes unless it is plainly safe).
 *
 * @param argument one command-line argument
 * @example
 * ```ts
 * shellQuote("ns=50,100"); // ns=50,100
 * shellQuote("it's"); // 'it'\''s'
 * ```
 */
export function shellQuote(argument: string): string {
  return SAFE.test(argument) ? argument : `'${argument.replaceAll("'", `'\\''`)}'`;
}

/** Quotes a string for YAML: a JSON string is a valid YAML double-quoted scalar. */
function yamlQuote(value: string): string {
  return JSON.stringify(value);
}

/** The checks both schedulers share: no control characters anywhere, CPUs in range. */
function checkCommon(spec: SweepScriptSpec): void {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(spec.id)) {
    throw new UsageError('id', `got ${JSON.stringify(spec.id)}; expected an experiment id such as e1`);
  }
  if (!Number.isSafeInteger(spec.shards) || spec.shards < 1) {
    throw new UsageError('--shards', `got ${spec.shards}; expected an integer ≥ 1`);
  }
  rejectControlCharacters('--out', spec.out);
  spec.runArgs.forEach((argument, i) => {
    const flag = spec.runArgs[i - 1]?.startsWith('--') ? (spec.runArgs[i - 1] as string) : argument;
    rejectControlCharacters(flag, argument);
  });
  checkCpus(spec.cpus);
}

/**
 * An sbatch script for a Slurm job array of `shards` tasks (`--array=1-N`); task K runs
 * `benignlab run <id> … --shard K/N --out DIR`, so one task can be resubmitted alone
 * (`sbatch --array=K`). Every value is validated for Slurm and quoted for the shell; a bad
 * one is a {@link UsageError}.
 *
 * @param spec `id` of the experiment, `runArgs` passed to `benignlab run`, `out` directory, `shards` (array tasks), `cpus` per task, wall `time` limit, `version` of the CLI to run (`image` and `pvc` are for Kubernetes)
 * @example
 * ```ts
 * slurmScript({ id: 'e2', runArgs: ['--quick'], out: '/scratch/e2', shards: 8, cpus: 4, time: '01:00:00', image: '', pvc: '', version: '0.1.0' });
 * ```
 */
export function slurmScript(spec: SweepScriptSpec): string {
  checkCommon(spec);
  checkSlurmTime(spec.time);
  const memory = spec.mem === undefined ? undefined : parseMemory(spec.mem);
  if (spec.partition !== undefined) checkPartition(spec.partition);
  const cli = spec.cli ?? `npx --yes benignlab@${spec.version}`;
  rejectControlCharacters('cli', cli);
  const out = shellQuote(spec.out);
  const run = [
    'run',
    spec.id,
    ...spec.runArgs.map(shellQuote),
    // Expanded by the shell in the task, not here. The explicit K/N (not the array's own
    // count) keeps a task resubmitted alone with --array=K on its shard.
    '--shard',
    `"$\{SLURM_ARRAY_TASK_ID}/${spec.shards}"`,
    '--workers',
    `"$\{SLURM_CPUS_PER_TASK:-1}"`,
    '--out',
    out,
  ];
  const directives = [
    `--job-name=benignlab-${spec.id}`,
    `--array=1-${spec.shards}`,
    `--cpus-per-task=${spec.cpus}`,
    `--time=${spec.time}`,
    ...(memory ? [`--mem=${memory.slurm}`] : []),
    ...(spec.partition ? [`--partition=${spec.partition}`] : []),
    `--output=benignlab-${spec.id}-%A_%a.log`,
  ];
  return `#!/bin/bash
# benignlab sweep: ${spec.id} in ${spec.shards} shards as a Slurm job array.
# Submit from a directory every node can read; ${out} must be on a shared file system:
#   jobid=$(sbatch --parsable benignlab-${spec.id}.sbatch)
#   sbatch --dependency=afterok:$jobid --wrap ${shellQuote(`${cli} merge ${out}`)}
# A task that fails or times out can be resubmitted alone (sbatch --array=K benignlab-${spec.id}.sbatch):
# cells already written to ${out}/cells/${spec.id}/ are reused.
# To run another benignlab in the tasks, export BENIGNLAB (e.g. BENIGNLAB="node /path/to/dist/bin.js")
# before sbatch, and use that command in the merge line too.
${directives.map((directive) => `#SBATCH ${directive}`).join('\n')}
set -euo pipefail
benignlab() {
  if [ -n "\${BENIGNLAB:-}" ]; then $BENIGNLAB "$@"; else ${cli} "$@"; fi
}
benignlab ${run.join(' ')}
`;
}

/**
 * A Kubernetes Indexed Job manifest with `shards` completions; each pod runs
 * `benignlab run <id> … --shard-count N --out <pvc mount>`, its shard being
 * `JOB_COMPLETION_INDEX` + 1. Every value is validated for Kubernetes and quoted for YAML;
 * a bad one is a {@link UsageError}.
 *
 * @param spec `id` of the experiment, `runArgs` passed to `benignlab run`, `out` (the volume's mount path), `shards` (completions), `cpus` per pod, container `image`, `pvc` (the results volume claim), `version` of the CLI to run
 * @example
 * ```ts
 * kubernetesJob({ id: 'e2', runArgs: ['--quick'], out: '/results', shards: 8, cpus: 2, time: '', image: 'node:20-slim', pvc: 'benignlab-results', version: '0.1.0' });
 * ```
 */
export function kubernetesJob(spec: SweepScriptSpec): string {
  checkCommon(spec);
  checkMountPath(spec.out);
  checkImage(spec.image);
  checkClaimName(spec.pvc);
  const memory = spec.mem === undefined ? undefined : parseMemory(spec.mem);
  const args = [
    'run',
    spec.id,
    ...spec.runArgs,
    '--shard-count',
    String(spec.shards),
    '--workers',
    String(spec.cpus),
    '--out',
    spec.out,
  ];
  const yamlList = (items: readonly string[]) => `[${items.map(yamlQuote).join(', ')}]`;
  const resources = (indent: string) =>
    `${indent}cpu: "${spec.cpus}"${memory ? `\n${indent}memory: ${yamlQuote(memory.kubernetes)}` : ''}`;
  return `# benignlab sweep: ${spec.id} in ${spec.shards} shards as a Kubernetes Indexed Job.
#   kubectl apply -f benignlab-${spec.id}.yaml
#   kubectl wait --for=condition=complete --timeout=24h job/benignlab-${spec.id}
# then, in any pod mounting the claim ${spec.pvc}: npx --yes benignlab@${spec.version} merge ${shellQuote(spec.out)}
# A failed index is retried by Kubernetes; cells already in ${spec.out}/cells/${spec.id}/ are reused.
apiVersion: batch/v1
kind: Job
metadata:
  name: ${yamlQuote(`benignlab-${spec.id}`)}
spec:
  completionMode: Indexed
  completions: ${spec.shards}
  parallelism: ${spec.shards}
  backoffLimit: ${spec.shards * 2}
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: benignlab
          image: ${yamlQuote(spec.image)}
          command: ${yamlList(['npx', '--yes', `benignlab@${spec.version}`])}
          args: ${yamlList(args)}
          resources:
            requests:
${resources('              ')}
            limits:
${resources('              ')}
          volumeMounts:
            - name: results
              mountPath: ${yamlQuote(spec.out)}
      volumes:
        - name: results
          persistentVolumeClaim:
            claimName: ${yamlQuote(spec.pvc)}
`;
}
