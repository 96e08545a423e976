import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setKernelPolicy } from '@benignlab/linalg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseRunArgs } from '../src/commands/run-options.js';
import { plannedCellHash } from '../src/sweep/cell-store.js';
import { cellsOfShard } from '../src/sweep/shard.js';
import { checkSlurmTime, parseMemory } from '../src/sweep/sweep-script-checks.js';
import { BIN, runCli } from './run-cli.js';
import { type PrivateSlurm, startPrivateSlurm } from './slurm/private-slurm.js';
import {
  acceptedMemory,
  acceptedTimes,
  refusedMemory,
  refusedTimes,
  refusedZeroTimes,
} from './slurm/slurm-value-forms.js';

// The generated sbatch script on a real (private, single-node) Slurm: submitted with sbatch,
// polled with squeue, merged as its own comment says, compared byte for byte with an unsharded
// run; then one array task cancelled mid-way, resubmitted alone, resuming from its cells.
// Slurm is installed with apt-get when missing (test/slurm/ensure-slurm.mjs); when it cannot
// be, every test here fails with the one-line reason.

const OUTPUTS = ['e1.json', 'e1.csv', 'e1.svg', 'e1.png', 'e1-harm.svg', 'e1-harm.png'];
const RUN = ['e1', '--quick'];

let slurm: PrivateSlurm | undefined;
let failure: string | undefined;
let work: string;
let reference: string;

function ensureSlurm(): string | undefined {
  const script = fileURLToPath(new URL('./slurm/ensure-slurm.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status === 0) {
    console.log(`Slurm: ${result.stdout.trim()}`);
    return undefined;
  }
  process.stderr.write(result.stderr);
  const last = result.stderr.trim().split('\n').filter(Boolean).pop();
  return `Slurm is required for this test and could not be installed: ${last ?? result.error?.message}`;
}

/** Polls `squeue` until none of the jobs is queued or running (sbatch --wait lags by ~24 s). */
async function waitForJobs(ids: readonly string[], timeoutMs = 180_000): Promise<string[]> {
  const seen: string[] = [];
  const started = performance.now();
  for (;;) {
    const queue = (slurm as PrivateSlurm).run('squeue', ['-h', '-j', ids.join(','), '-o', '%i %T']).trim();
    if (queue === '') return seen;
    if (seen.at(-1) !== queue) seen.push(queue);
    if (performance.now() - started > timeoutMs)
      throw new Error(`jobs ${ids.join(',')} still queued: ${queue}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Final state and exit code of every task of a job, from `scontrol show job`. */
function jobStates(id: string): string[] {
  const text = (slurm as PrivateSlurm).run('scontrol', ['show', 'job', '-o', id]);
  return text
    .trim()
    .split('\n')
    .map((line) => `${/JobState=(\S+)/.exec(line)?.[1]} ${/ExitCode=(\S+)/.exec(line)?.[1]}`);
}

async function generateScript(directory: string, shards: number): Promise<string> {
  const generated = await runCli([
    'sweep-script',
    '--slurm',
    ...RUN,
    '--shards',
    String(shards),
    '--cpus',
    '1',
    '--time',
    '00:10:00',
    '--out',
    join(directory, 'results'),
  ]);
  expect(generated.code, generated.stderr).toBe(0);
  const path = join(directory, 'benignlab-e1.sbatch');
  writeFileSync(path, generated.stdout);
  return path;
}

function expectSameOutputs(out: string): void {
  for (const name of OUTPUTS) {
    expect(readFileSync(join(out, name)).equals(readFileSync(join(reference, name))), name).toBe(true);
  }
}

beforeAll(async () => {
  failure = ensureSlurm();
  if (failure) return;
  try {
    slurm = await startPrivateSlurm();
  } catch (error) {
    failure = `a private Slurm could not start: ${(error as Error).message}`;
    return;
  }
  work = join(slurm.root, 'work');
  reference = join(work, 'unsharded');
  mkdirSync(work);
  const whole = await runCli(['run', ...RUN, '--out', reference]);
  expect(whole.code, whole.stderr).toBe(0);
}, 240_000);

afterAll(async () => {
  await slurm?.stop();
});

beforeEach(() => {
  if (failure) throw new Error(failure);
});

// Each scenario takes ~20 s on an idle 2-core machine; the limit leaves room for a loaded one.
describe('sweep-script --slurm on a real Slurm', { timeout: 240_000 }, () => {
  it('accepts exactly the --time and --mem values sbatch accepts (zero and negative limits excepted: refused on purpose)', () => {
    const acceptedBySbatch = (flag: string) =>
      spawnSync('sbatch', ['--test-only', flag, '--wrap', 'true'], {
        env: (slurm as PrivateSlurm).env,
        cwd: work,
        stdio: 'ignore',
      }).status === 0;
    const ours = (check: () => unknown) => {
      try {
        check();
        return true;
      } catch {
        return false;
      }
    };
    // Zero is accepted by sbatch (as "no limit") and refused by us on purpose.
    for (const time of refusedZeroTimes) expect(acceptedBySbatch(`--time=${time}`), time).toBe(true);
    const disagreements = [
      ...[...acceptedTimes, ...refusedTimes].map(
        (time) => [`--time=${time}`, ours(() => checkSlurmTime(time))] as const,
      ),
      ...[...acceptedMemory, ...refusedMemory].map(
        (mem) => [`--mem=${mem}`, ours(() => parseMemory(mem))] as const,
      ),
    ].filter(([flag, accepted]) => accepted !== acceptedBySbatch(flag));
    expect(disagreements).toEqual([]);
  });

  it('runs the generated job array and its merge line; the result equals the unsharded run byte for byte', async () => {
    const directory = join(work, 'array');
    mkdirSync(directory);
    const script = await generateScript(directory, 3);
    const text = readFileSync(script, 'utf8');
    // The tasks run this very CLI (a workspace build, not the published package).
    expect(text).toContain(realpathSync(BIN));
    const submit = (slurm as PrivateSlurm).run('sbatch', ['--parsable', script], directory).trim();
    expect(submit).toMatch(/^\d+$/);
    // The merge exactly as the script's comment says, as a job depending on the array.
    const wrap = /--wrap '((?:[^']|'\\'')*)'\n/.exec(text)?.[1]?.replaceAll(`'\\''`, `'`);
    expect(wrap).toContain(' merge ');
    const merge = (slurm as PrivateSlurm)
      .run(
        'sbatch',
        ['--parsable', `--dependency=afterok:${submit}`, '--output=merge.log', '--wrap', wrap as string],
        directory,
      )
      .trim();
    const seen = await waitForJobs([submit, merge]);
    expect(seen.join('\n')).toMatch(/RUNNING/);
    expect(jobStates(submit)).toEqual(['COMPLETED 0:0', 'COMPLETED 0:0', 'COMPLETED 0:0']);
    expect(jobStates(merge)).toEqual(['COMPLETED 0:0']);
    expect(readFileSync(join(directory, 'merge.log'), 'utf8')).toContain(
      `e1: merged ${parseRunArgs([...RUN, '--out', directory], 2).plan?.cells.length} cells`,
    );
    for (const task of [1, 2, 3]) {
      const log = readFileSync(join(directory, `benignlab-e1-${submit}_${task}.log`), 'utf8');
      expect(log).toContain(`e1 shard ${task}/3 (--shard)`);
    }
    expectSameOutputs(join(directory, 'results'));
  });

  it('a task cancelled mid-way and resubmitted alone resumes without recomputing its finished cells', async () => {
    const directory = join(work, 'cancelled');
    mkdirSync(directory);
    const script = await generateScript(directory, 2);
    const out = join(directory, 'results');
    const cells = join(out, 'cells', 'e1');
    const { plan } = parseRunArgs([...RUN, '--out', out], 2);
    // Cell files are named for the kernels that computed them: the CLI's default, strict.
    setKernelPolicy('strict');
    const shardTwo = new Set(
      cellsOfShard(plan?.cells ?? [], { index: 2, count: 2, source: '--shard' }).map(
        (cell) => `${plannedCellHash(plan as NonNullable<typeof plan>, cell)}.json`,
      ),
    );
    // Half of the plan's cells (e1 --quick), and more than one so a cancel can land mid-way.
    const planned = plan?.cells.length ?? 0;
    const shardTwoCells = shardTwo.size;
    expect([Math.floor(planned / 2), Math.ceil(planned / 2)]).toContain(shardTwoCells);
    expect(shardTwoCells).toBeGreaterThan(1);
    const written = () => (existsSync(cells) ? readdirSync(cells).filter((name) => shardTwo.has(name)) : []);
    const job = (slurm as PrivateSlurm).run('sbatch', ['--parsable', script], directory).trim();
    // Cancel task 2 as soon as it has finished its first cell.
    const started = performance.now();
    while (written().length === 0) {
      if (performance.now() - started > 120_000) throw new Error('task 2 wrote no cell within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    (slurm as PrivateSlurm).run('scancel', [`${job}_2`]);
    await waitForJobs([job]);
    expect(jobStates(job).sort()).toEqual(['CANCELLED 0:15', 'COMPLETED 0:0']);
    const finished = written();
    expect(finished.length, 'task 2 finished before it was cancelled').toBeLessThan(shardTwoCells);
    const before = new Map(
      finished.map((name) => [name, statSync(join(cells, name), { bigint: true })] as const),
    );

    const resubmitted = (slurm as PrivateSlurm)
      .run('sbatch', ['--parsable', '--array=2', script], directory)
      .trim();
    await waitForJobs([resubmitted]);
    expect(jobStates(resubmitted)).toEqual(['COMPLETED 0:0']);
    const log = readFileSync(join(directory, `benignlab-e1-${resubmitted}_2.log`), 'utf8');
    const computed = shardTwoCells - finished.length;
    expect(log).toContain(
      `e1 shard 2/2 (--shard): ${shardTwoCells} cells (${computed} computed, ${finished.length} reused)`,
    );
    // The finished cells were not written again: same inode, same modification time.
    for (const [name, stat] of before) {
      const now = statSync(join(cells, name), { bigint: true });
      expect([now.ino, now.mtimeNs], name).toEqual([stat.ino, stat.mtimeNs]);
    }
    const merged = await runCli(['merge', out]);
    expect(merged.code, merged.stderr).toBe(0);
    expectSameOutputs(out);
  });
});
