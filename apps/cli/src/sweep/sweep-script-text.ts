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
  /** Slurm `--time` limit per task. */
  time: string;
  /** Container image (Kubernetes). */
  image: string;
  /** PersistentVolumeClaim mounted at `out` (Kubernetes). */
  pvc: string;
  /** The benignlab version to run (`npx --yes benignlab@<version>`). */
  version: string;
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

/**
 * An sbatch script for a Slurm job array of `shards` tasks (`--array=1-N`); each task
 * runs `benignlab run <id> … --out DIR`, which takes its shard from
 * `SLURM_ARRAY_TASK_ID` − `SLURM_ARRAY_TASK_MIN` + 1 of `SLURM_ARRAY_TASK_COUNT`.
 *
 * @param spec `id` of the experiment, `runArgs` passed to `benignlab run`, `out` directory, `shards` (array tasks), `cpus` per task, wall `time` limit, `version` of the CLI to run (`image` and `pvc` are for Kubernetes)
 * @example
 * ```ts
 * slurmScript({ id: 'e2', runArgs: ['--quick'], out: '/scratch/e2', shards: 8, cpus: 4, time: '01:00:00', image: '', pvc: '', version: '0.1.0' });
 * ```
 */
export function slurmScript(spec: SweepScriptSpec): string {
  const run = [
    'run',
    spec.id,
    ...spec.runArgs.map(shellQuote),
    '--workers',
    // Expanded by the shell in the task, not here.
    `"$\{SLURM_CPUS_PER_TASK:-1}"`,
    '--out',
    shellQuote(spec.out),
  ];
  const merge = `merge ${shellQuote(spec.out)}`;
  return `#!/bin/bash
# benignlab sweep: ${spec.id} in ${spec.shards} shards as a Slurm job array.
# Submit from a directory every node can read; ${spec.out} must be on a shared file system:
#   jobid=$(sbatch --parsable benignlab-${spec.id}.sbatch)
#   sbatch --dependency=afterok:$jobid --wrap "npx --yes benignlab@${spec.version} ${merge}"
# A task that fails or times out can be resubmitted alone (sbatch --array=K …):
# cells already written to ${spec.out}/cells/${spec.id}/ are reused.
#SBATCH --job-name=benignlab-${spec.id}
#SBATCH --array=1-${spec.shards}
#SBATCH --cpus-per-task=${spec.cpus}
#SBATCH --time=${spec.time}
#SBATCH --output=benignlab-${spec.id}-%A_%a.log
set -euo pipefail
BENIGNLAB=\${BENIGNLAB:-"npx --yes benignlab@${spec.version}"}
# The shard (task ID − SLURM_ARRAY_TASK_MIN + 1 of SLURM_ARRAY_TASK_COUNT) is read by benignlab itself.
$BENIGNLAB ${run.join(' ')}
`;
}

/**
 * A Kubernetes Indexed Job manifest with `shards` completions; each pod runs
 * `benignlab run <id> … --shard-count N --out <pvc mount>`, its shard being
 * `JOB_COMPLETION_INDEX` + 1.
 *
 * @param spec `id` of the experiment, `runArgs` passed to `benignlab run`, `out` (the volume's mount path), `shards` (completions), `cpus` per pod, container `image`, `pvc` (the results volume claim), `version` of the CLI to run
 * @example
 * ```ts
 * kubernetesJob({ id: 'e2', runArgs: ['--quick'], out: '/results', shards: 8, cpus: 2, time: '', image: 'node:20-slim', pvc: 'benignlab-results', version: '0.1.0' });
 * ```
 */
export function kubernetesJob(spec: SweepScriptSpec): string {
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
  const yamlList = (items: readonly string[]) => `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
  return `# benignlab sweep: ${spec.id} in ${spec.shards} shards as a Kubernetes Indexed Job.
#   kubectl apply -f benignlab-${spec.id}.yaml
#   kubectl wait --for=condition=complete --timeout=24h job/benignlab-${spec.id}
# then, in any pod mounting the claim ${spec.pvc}: npx --yes benignlab@${spec.version} merge ${spec.out}
# A failed index is retried by Kubernetes; cells already in ${spec.out}/cells/${spec.id}/ are reused.
apiVersion: batch/v1
kind: Job
metadata:
  name: benignlab-${spec.id}
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
          image: ${JSON.stringify(spec.image)}
          command: ${yamlList(['npx', '--yes', `benignlab@${spec.version}`])}
          args: ${yamlList(args)}
          resources:
            requests:
              cpu: "${spec.cpus}"
            limits:
              cpu: "${spec.cpus}"
          volumeMounts:
            - name: results
              mountPath: ${JSON.stringify(spec.out)}
      volumes:
        - name: results
          persistentVolumeClaim:
            claimName: ${JSON.stringify(spec.pvc)}
`;
}
