import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'benignlab-sweep-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file an experiment run writes (results and figures), compared byte for byte. */
const OUTPUTS = ['e1.json', 'e1.csv', 'e1.svg', 'e1.png', 'e1-harm.svg', 'e1-harm.png'];

/** The cell files of e1 in `out`, by name, with their modification times (ns). */
function cellFiles(out: string): Map<string, bigint> {
  const folder = join(out, 'cells', 'e1');
  const files = new Map<string, bigint>();
  if (!existsSync(folder)) return files;
  for (const name of readdirSync(folder)) {
    if (/^[0-9a-f]{64}\.json$/.test(name))
      files.set(name, statSync(join(folder, name), { bigint: true }).mtimeNs);
  }
  return files;
}

const SMALL = ['e1', '--quick', '--set', 'ns=20,40,80', '--seeds', '3', '--workers', '1'];

describe('sweeps: shards, merge, resume', () => {
  it('3 shards in separate processes, merged, equal the unsharded run byte for byte', async () => {
    const whole = join(scratch, 'whole');
    const shared = join(scratch, 'shared');
    const perShard = [1, 2, 3].map((i) => join(scratch, `shard-${i}`));
    const results = await Promise.all([
      runCli(['run', ...SMALL, '--out', whole]),
      // Two ways a scheduler names the shard: the flag, and Slurm's environment (array 0-2).
      ...[1, 2, 3].map((i) => runCli(['run', ...SMALL, '--out', shared, '--shard', `${i}/3`])),
      ...[0, 1, 2].map((task, k) =>
        runCli(['run', ...SMALL, '--out', perShard[k] as string, '--json'], {
          SLURM_ARRAY_TASK_ID: String(task),
          SLURM_ARRAY_TASK_MIN: '0',
          SLURM_ARRAY_TASK_COUNT: '3',
        }),
      ),
    ]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const shardJson = JSON.parse(results[4]?.stdout ?? '');
    expect(shardJson).toMatchObject({ id: 'e1', shard: '1/3', cells: 3, computed: 3, reused: 0 });
    // A shard writes only its cells, never assembled outputs.
    expect(existsSync(join(shared, 'e1.json'))).toBe(false);
    expect(cellFiles(shared).size).toBe(9);
    for (const directory of perShard) expect(cellFiles(directory).size).toBe(3);

    const merged = await runCli(['merge', shared]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('e1: merged 9 cells');
    const mergedApart = await runCli(['merge', ...perShard, '--out', join(scratch, 'merged'), '--json']);
    expect(mergedApart.code, mergedApart.stderr).toBe(0);
    expect(JSON.parse(mergedApart.stdout)[0]).toMatchObject({ id: 'e1', cells: 9, duplicates: 0 });
    for (const name of OUTPUTS) {
      const reference = readFileSync(join(whole, name));
      expect(readFileSync(join(shared, name)).equals(reference), name).toBe(true);
      expect(readFileSync(join(scratch, 'merged', name)).equals(reference), name).toBe(true);
    }
  });

  it('merge names the missing cells and the shard that likely failed (exit 1)', async () => {
    const out = join(scratch, 'incomplete');
    for (const i of [1, 3]) {
      const result = await runCli(['run', ...SMALL, '--out', out, '--shard', `${i}/3`]);
      expect(result.code, result.stderr).toBe(0);
    }
    const merged = await runCli(['merge', out]);
    expect(merged.code).toBe(1);
    expect(merged.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(merged.stderr).toMatch(
      /benignlab merge: e1: 3 of 9 cells missing \(n=.*\); the run of shard 2\/3 \(3\) likely failed/,
    );
    expect(existsSync(join(out, 'e1.json'))).toBe(false);
  });

  it('a run killed midway resumes without recomputing finished cells and gives the same result', async () => {
    // Cells of a few hundred ms each (largest first) so that SIGTERM lands mid-run.
    const args = ['run', 'e1', '--quick', '--set', 'ns=300,400,500,600', '--seeds', '2', '--workers', '1'];
    const reference = join(scratch, 'uninterrupted');
    const out = join(scratch, 'interrupted');
    const uninterrupted = runCli([...args, '--out', reference]);
    const { child, done } = startCli([...args, '--out', out]);
    while (cellFiles(out).size < 2) {
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    child.kill('SIGTERM');
    const killed = await done;
    expect(killed.code, killed.stderr).toBe(143);
    expect(killed.stderr).toContain('interrupted by SIGTERM');
    expect(existsSync(join(out, 'e1.json'))).toBe(false);
    const before = cellFiles(out);
    expect(before.size).toBeGreaterThanOrEqual(2);
    expect(before.size).toBeLessThan(8);
    // No temporary file is left behind by the interrupted writes.
    expect(readdirSync(join(out, 'cells', 'e1')).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // A cell file cut short (as by a crash mid-write on a file system without atomic rename) is recomputed.
    const [truncated] = [...before.keys()];
    const truncatedPath = join(out, 'cells', 'e1', truncated as string);
    writeFileSync(truncatedPath, readFileSync(truncatedPath, 'utf8').slice(0, 40));

    const resumed = await runCli([...args, '--out', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`${truncated}: not valid JSON (truncated?); recomputing that cell`);
    expect(resumed.stderr).toContain(`${before.size - 1} cells already in`);
    expect(resumed.stdout).toContain(`8 cells (${8 - before.size + 1} computed, ${before.size - 1} reused)`);
    const after = cellFiles(out);
    expect(after.size).toBe(8);
    for (const [name, mtime] of before) {
      if (name === truncated) expect(after.get(name)).not.toBe(mtime);
      else expect(after.get(name), `${name} was recomputed`).toBe(mtime);
    }
    const finished = await uninterrupted;
    expect(finished.code, finished.stderr).toBe(0);
    for (const name of OUTPUTS) {
      expect(readFileSync(join(out, name)).equals(readFileSync(join(reference, name))), name).toBe(true);
    }

    // --fresh recomputes every cell.
    const fresh = await runCli([...args, '--out', out, '--fresh']);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('8 cells (8 computed, 0 reused)');
    for (const [name, mtime] of cellFiles(out)) expect(mtime, name).not.toBe(after.get(name));
  });

  it('sweep-script prints an sbatch array and an Indexed Job, validating the run options', async () => {
    const slurm = await runCli([
      'sweep-script',
      '--slurm',
      'e1',
      '--quick',
      '--set',
      'ns=20,40',
      '--shards',
      '5',
    ]);
    expect(slurm.code, slurm.stderr).toBe(0);
    expect(slurm.stdout).toMatch(/^#!\/bin\/bash\n/);
    expect(slurm.stdout).toContain('#SBATCH --array=1-5\n');
    expect(slurm.stdout).toContain(
      `benignlab run e1 --quick --set ns=20,40 --shard "\${SLURM_ARRAY_TASK_ID}/5" --workers`,
    );
    const k8s = await runCli(['sweep-script', '--k8s', 'e1', '--shards', '3', '--json']);
    expect(k8s.code, k8s.stderr).toBe(0);
    const printed = JSON.parse(k8s.stdout);
    expect(printed).toMatchObject({ scheduler: 'k8s', file: 'benignlab-e1.yaml' });
    expect(printed.text).toContain('completionMode: Indexed');
    expect(printed.text).toContain('"--shard-count", "3"');
    for (const [args, message] of [
      [['sweep-script', 'e1'], '--slurm: expected exactly one of --slurm or --k8s'],
      [['sweep-script', '--slurm', 'e1', '--set', 'ns=5'], '--set ns: e1.ns: got [5]'],
      [['sweep-script', '--slurm', 'e1', '--image', 'x'], '--image: only applies to --k8s'],
      [['run', 'e1', '--shard', '4/3'], '--shard: got "4/3"; expected i/N'],
      // Values bound for a script or manifest are checked for the scheduler and its language.
      [
        ['sweep-script', '--slurm', 'e1', '--out', '/tmp/x\ntouch /tmp/PWNED'],
        '--out: "/tmp/x\\ntouch /tmp/PWNED" contains the control character U+000A',
      ],
      [['sweep-script', '--slurm', 'e1', '--time', 'forever'], '--time: got "forever"; expected MM, MM:SS'],
      [['sweep-script', '--slurm', 'e1', '--time', '0'], '--time: got "0"; expected a limit above zero'],
      [['sweep-script', '--slurm', 'e1', '--mem', '0'], '--mem: got "0"; expected a positive integer'],
      [['sweep-script', '--slurm', 'e1', '--mem', '4GiB'], '--mem: got "4GiB"'],
      [
        ['sweep-script', '--slurm', 'e1', '--partition', 'a b'],
        '--partition: got "a b"; expected a partition name',
      ],
      [
        ['sweep-script', '--slurm', 'e1', '--cpus', '70000'],
        '--cpus: got 70000; expected an integer from 1 to 65533',
      ],
      [['sweep-script', '--k8s', 'e1', '--partition', 'gpu'], '--partition: only applies to --slurm'],
      [
        ['sweep-script', '--k8s', 'e1', '--pvc', 'My_Claim'],
        '--pvc: got "My_Claim"; expected a Kubernetes name',
      ],
      [['sweep-script', '--k8s', 'e1', '--image', 'node:20"\nx'], '--image: got "node:20\\"\\nx"'],
      [
        ['sweep-script', '--k8s', 'e1', '--out', 'results'],
        '--out: got "results"; expected an absolute path',
      ],
      [
        ['sweep-script', '--k8s', 'e1', '--set', 'ns=50,100\u2028x'],
        '--set: "ns=50,100\\u2028x" contains the control character U+2028',
      ],
    ] as const) {
      const result = await runCli([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(`benignlab: ${message}`);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  });
});
