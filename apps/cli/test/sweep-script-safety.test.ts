import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Job } from 'kubernetes-models/batch/v1';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSlurmTime, parseMemory } from '../src/sweep/sweep-script-checks.js';
import { kubernetesJob, type SweepScriptSpec, slurmScript } from '../src/sweep/sweep-script-text.js';
import { UsageError } from '../src/usage-error.js';
import {
  acceptedMemory,
  acceptedTimes,
  refusedMemory,
  refusedTimes,
  refusedZeroTimes,
} from './slurm/slurm-value-forms.js';

// Every value that reaches a generated script or manifest is quoted for its language or
// refused: checked by running the sbatch script with bash and parsing the manifest as YAML.

const scratch = mkdtempSync(join(tmpdir(), 'benignlab-sweep-safety-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const spec: SweepScriptSpec = {
  id: 'e1',
  runArgs: ['--quick'],
  out: '/scratch/e1',
  shards: 3,
  cpus: 2,
  time: '01:00:00',
  image: 'node:20-slim',
  pvc: 'benignlab-results',
  version: '0.1.0',
};

// A stand-in benignlab that records its arguments, NUL-separated (a shell script: fast).
const calls = join(scratch, 'calls');
const stub = join(scratch, 'benignlab-stub');
writeFileSync(stub, `#!/bin/sh\nprintf '%s\\0' "$@" > '${calls}'\n`);
chmodSync(stub, 0o755);
const marker = join(scratch, 'PWNED');

function recorded(): string[] {
  return readFileSync(calls, 'utf8').split('\0').slice(0, -1);
}

/** Runs a script with bash as a Slurm task would (task 2), benignlab being the stub. */
function runTask(script: string): string[] {
  rmSync(calls, { force: true });
  const path = join(scratch, 'task.sbatch');
  writeFileSync(path, script);
  const result = spawnSync('bash', [path], {
    cwd: scratch,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, BENIGNLAB: stub, SLURM_ARRAY_TASK_ID: '2' },
  });
  expect(result.status, result.stderr).toBe(0);
  return recorded();
}

/** Text free of control characters, rich in shell and YAML syntax. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "'",
        '"',
        '$',
        '`',
        '\\',
        ';',
        '&',
        '|',
        '#',
        ' ',
        '*',
        '?',
        '~',
        '!',
        ':',
        '{',
        '}',
        '[',
        ']',
        ',',
        '>',
        '-',
        '%',
        '@',
      ),
      fc.constantFrom(
        '$(touch PWNED)',
        '`touch PWNED`',
        "'; touch PWNED; '",
        '#SBATCH --time=1',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion, on purpose.
        '${HOME}',
        'a: b',
        '- x',
        'é',
        '日本',
      ),
      fc
        .string({ unit: 'grapheme-ascii', maxLength: 4 })
        // Printable ASCII only: control characters are refused (tested below).
        .filter((text) => [...text].every((character) => character >= ' ' && character <= '~')),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

describe('the sbatch script', () => {
  it('passes any printable --out and --set value to benignlab verbatim, in the task and in the merge line', () => {
    fc.assert(
      fc.property(hostile, hostile, (folder, label) => {
        const out = `/scratch/${folder}`;
        const script = slurmScript({ ...spec, out, runArgs: ['--quick', '--set', `label=${label}`] });
        // Comments and #SBATCH lines come first, one line each; then the commands.
        const lines = script.split('\n');
        const firstCommand = lines.findIndex((line) => line !== '' && !line.startsWith('#'));
        expect(lines[firstCommand]).toBe('set -euo pipefail');
        expect(runTask(script)).toEqual([
          'run',
          'e1',
          '--quick',
          '--set',
          `label=${label}`,
          '--shard',
          '2/3',
          '--workers',
          '1',
          '--out',
          out,
        ]);
        // The merge line of the comment, run as sbatch --wrap runs it (sh -c).
        const wrap = /--wrap '((?:[^']|'\\'')*)'\n/.exec(script)?.[1]?.replaceAll(`'\\''`, `'`) ?? '';
        rmSync(calls, { force: true });
        const merge = spawnSync('sh', ['-c', wrap.replace(/^npx --yes benignlab@0\.1\.0/, stub)], {
          cwd: scratch,
          encoding: 'utf8',
        });
        expect(merge.status, merge.stderr).toBe(0);
        expect(recorded()).toEqual(['merge', out]);
        expect(existsSync(marker)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses control characters in every value with a UsageError naming the flag', () => {
    const cases: [Partial<SweepScriptSpec>, string][] = [
      [
        { out: '/tmp/x\ntouch /tmp/PWNED' },
        '--out: "/tmp/x\\ntouch /tmp/PWNED" contains the control character U+000A',
      ],
      [{ out: '/tmp/x\rb' }, 'U+000D'],
      [{ out: '/tmp/\u0085x' }, '--out: "/tmp/\\u0085x" contains the control character U+0085'],
      [{ runArgs: ['--set', 'ns=1\n2'] }, '--set: "ns=1\\n2" contains the control character U+000A'],
      [
        { runArgs: ['--config', 'a\u2028b.json'] },
        '--config: "a\\u2028b.json" contains the control character U+2028',
      ],
    ];
    for (const [change, message] of cases) {
      for (const generate of [slurmScript, kubernetesJob]) {
        const error = (() => {
          try {
            generate({ ...spec, ...change });
          } catch (caught) {
            return caught as Error;
          }
          throw new Error(`accepted ${JSON.stringify(change)}`);
        })();
        expect(error).toBeInstanceOf(UsageError);
        expect(error.message).toContain(message);
        expect(error.message).not.toMatch(/[\n\r\u2028\u2029]/);
      }
    }
  });

  it('writes --mem and --partition as #SBATCH directives after checking them', () => {
    const script = slurmScript({ ...spec, mem: '512', partition: 'short,long' });
    expect(script).toContain('#SBATCH --mem=512M\n#SBATCH --partition=short,long\n');
    expect(() => slurmScript({ ...spec, partition: 'a;b' })).toThrow(UsageError);
    expect(() => slurmScript({ ...spec, time: 'forever' })).toThrow('--time: got "forever"');
  });
});

describe('Slurm value checks', () => {
  it('accepts the --time forms sbatch accepts and refuses the rest', () => {
    for (const time of acceptedTimes) expect(() => checkSlurmTime(time), time).not.toThrow();
    // Zero (sbatch's "no limit": write UNLIMITED) and negative limits other than -1 are refused.
    for (const time of [...refusedTimes, ...refusedZeroTimes, '', '-2']) {
      expect(() => checkSlurmTime(time), time).toThrow(UsageError);
    }
  });

  it('reads --mem as sbatch does and spells it for Kubernetes', () => {
    expect(parseMemory('4G')).toEqual({ slurm: '4G', kubernetes: '4Gi' });
    expect(parseMemory('512')).toEqual({ slurm: '512M', kubernetes: '512Mi' });
    expect(parseMemory('2t')).toEqual({ slurm: '2T', kubernetes: '2Ti' });
    expect(parseMemory('4GB')).toEqual({ slurm: '4G', kubernetes: '4Gi' });
    for (const good of acceptedMemory) expect(() => parseMemory(good), good).not.toThrow();
    for (const bad of [...refusedMemory, '0', '', 'B'])
      expect(() => parseMemory(bad), bad).toThrow(UsageError);
  });
});

describe('the Kubernetes manifest', () => {
  it('is a valid batch/v1 Indexed Job (schema of kubernetes-models) carrying every value verbatim', () => {
    fc.assert(
      fc.property(
        hostile.filter((text) => !text.includes(':')),
        hostile,
        fc.integer({ min: 1, max: 64 }),
        fc.option(fc.constantFrom('1G', '512', '3T'), { nil: undefined }),
        (folder, label, shards, mem) => {
          const out = `/results/${folder}`;
          const runArgs = ['--quick', '--set', `label=${label}`];
          const text = kubernetesJob({ ...spec, out, runArgs, shards, mem });
          const manifest = parse(text);
          new Job(manifest).validate();
          const { spec: job } = manifest;
          expect(manifest.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
          expect(job.completionMode).toBe('Indexed');
          expect([job.completions, job.parallelism]).toEqual([shards, shards]);
          const pod = job.template.spec;
          expect(pod.restartPolicy).toBe('Never');
          const [container] = pod.containers;
          expect(container.args).toEqual([
            'run',
            'e1',
            ...runArgs,
            '--shard-count',
            String(shards),
            '--workers',
            '2',
            '--out',
            out,
          ]);
          expect(container.volumeMounts[0].mountPath).toBe(out);
          expect(pod.volumes[0].persistentVolumeClaim.claimName).toBe('benignlab-results');
          expect(container.resources.limits).toEqual({
            cpu: '2',
            ...(mem ? { memory: parseMemory(mem).kubernetes } : {}),
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the schema check has teeth: a wrong type or a missing container is refused', () => {
    const manifest = parse(kubernetesJob(spec));
    expect(() => new Job({ ...manifest, spec: { ...manifest.spec, completions: '3' } }).validate()).toThrow(
      /completions/,
    );
    const noContainers = structuredClone(manifest);
    delete noContainers.spec.template.spec.containers;
    expect(() => new Job(noContainers).validate()).toThrow(/containers/);
  });

  it('refuses values Kubernetes would reject', () => {
    expect(() => kubernetesJob({ ...spec, out: 'results' })).toThrow(
      '--out: got "results"; expected an absolute path',
    );
    expect(() => kubernetesJob({ ...spec, out: '/a:b' })).toThrow(UsageError);
    expect(() => kubernetesJob({ ...spec, pvc: 'My_Claim' })).toThrow('--pvc');
    expect(() => kubernetesJob({ ...spec, image: 'node:20 "x"' })).toThrow('--image');
    expect(() => kubernetesJob({ ...spec, mem: '0' })).toThrow('--mem');
  });
});
