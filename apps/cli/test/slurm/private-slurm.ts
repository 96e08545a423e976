// A private single-node Slurm for the end-to-end test: munged, slurmctld and slurmd started
// by hand with every file (key, socket, state, spool, logs, pid files) under one temporary
// directory, on free local ports, and stopped again by the PIDs recorded at start.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, hostname, tmpdir, totalmem, userInfo } from 'node:os';
import { join } from 'node:path';

/** A running private Slurm. */
export interface PrivateSlurm {
  /** The temporary directory holding everything. */
  root: string;
  /** Environment for the client commands (SLURM_CONF set, BENIGNLAB unset). */
  env: NodeJS.ProcessEnv;
  /** Runs a Slurm client command and returns its stdout; throws with stderr on failure. */
  run(command: string, args: readonly string[], cwd?: string): string;
  /** Stops the daemons by their recorded PIDs; safe to call twice. */
  stop(): Promise<void>;
}

const NODE_NAME = 'benignlab-node';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function slurmConf(root: string, socket: string, ports: [number, number]): string {
  return `ClusterName=benignlab
SlurmctldHost=${hostname()}(127.0.0.1)
SlurmctldPort=${ports[0]}
SlurmdPort=${ports[1]}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=${socket}
CredType=cred/munge
StateSaveLocation=${root}/state
SlurmdSpoolDir=${root}/spool
SlurmctldPidFile=${root}/slurmctld.pid
SlurmdPidFile=${root}/slurmd.pid
SlurmctldLogFile=${root}/log/slurmctld.log
SlurmdLogFile=${root}/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=batch_sched_delay=0
MpiDefault=none
ReturnToService=2
MinJobAge=300
NodeName=${NODE_NAME} NodeAddr=127.0.0.1 CPUs=${availableParallelism()} RealMemory=${Math.floor((totalmem() / 2 ** 20) * 0.9)} State=UNKNOWN
PartitionName=debug Nodes=${NODE_NAME} Default=YES MaxTime=INFINITE State=UP
`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function tail(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').slice(-3).join(' | ');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts munged, slurmctld and slurmd (the latter two in the foreground as children, so their
 * PIDs are known without pid files) and waits until the node is idle. On any failure the
 * daemons already started are stopped before the error propagates.
 */
export async function startPrivateSlurm(): Promise<PrivateSlurm> {
  const root = mkdtempSync(join(tmpdir(), 'benignlab-slurm-'));
  chmodSync(root, 0o755);
  for (const dir of ['state', 'spool', 'log', 'munge-run', 'munge-lib'])
    mkdirSync(join(root, dir), { mode: 0o755 });
  // munged refuses a key directory others can read and a socket directory others can write.
  mkdirSync(join(root, 'munge-etc'), { mode: 0o700 });
  const key = join(root, 'munge-etc', 'munge.key');
  writeFileSync(key, randomBytes(1024), { mode: 0o400 });
  const socket = join(root, 'munge-run', 'munge.socket.2');
  const conf = join(root, 'slurm.conf');
  writeFileSync(conf, slurmConf(root, socket, [await freePort(), await freePort()]));
  const env: NodeJS.ProcessEnv = { ...process.env, SLURM_CONF: conf };
  delete env.BENIGNLAB;
  for (const name of Object.keys(env))
    if (name.startsWith('SLURM_') && name !== 'SLURM_CONF') delete env[name];

  const pids: number[] = [];
  const children: ChildProcess[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // Jobs first (their steps run under slurmstepd, not the daemons), then the daemons.
    if (children.length === 2 && children.every((child) => child.exitCode === null)) {
      spawnSync('scancel', ['--full', '--user', userInfo().username], { env, stdio: 'ignore' });
      for (let i = 0; i < 50; i++) {
        const queue = spawnSync('squeue', ['-h'], { env, encoding: 'utf8' });
        if (queue.status !== 0 || queue.stdout.trim() === '') break;
        await sleep(100);
      }
    }
    for (const pid of [...pids].reverse()) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {}
    }
    // Give the daemons a moment to exit, then make sure.
    for (let i = 0; i < 30 && pids.some(alive); i++) await sleep(100);
    for (const pid of pids.filter(alive)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const munged = spawnSync(
      'munged',
      [
        `--key-file=${key}`,
        `--socket=${socket}`,
        `--pid-file=${join(root, 'munge-run', 'munged.pid')}`,
        `--log-file=${join(root, 'log', 'munged.log')}`,
        `--seed-file=${join(root, 'munge-lib', 'munged.seed')}`,
      ],
      { encoding: 'utf8' },
    );
    if (munged.status !== 0)
      throw new Error(`munged did not start: ${munged.stderr.trim().split('\n').pop()}`);
    pids.push(Number(readFileSync(join(root, 'munge-run', 'munged.pid'), 'utf8')));
    const daemon = (command: string, args: string[]) => {
      const log = openSync(join(root, 'log', `${command}.out`), 'a');
      const child = spawn(command, ['-D', ...args], { env, stdio: ['ignore', log, log] });
      if (child.pid === undefined) throw new Error(`${command} did not start`);
      pids.push(child.pid);
      children.push(child);
    };
    daemon('slurmctld', ['-i']);
    daemon('slurmd', ['-N', NODE_NAME]);
    const started = performance.now();
    for (;;) {
      const state = spawnSync('sinfo', ['-h', '-N', '-o', '%T'], { env, encoding: 'utf8' }).stdout?.trim();
      if (state === 'idle') break;
      const dead = children.find((child) => child.exitCode !== null);
      if (dead)
        throw new Error(
          `${dead.spawnargs[0]} exited: ${tail(join(root, 'log', `${dead.spawnargs[0]}.log`))}`,
        );
      if (performance.now() - started > 30_000) {
        throw new Error(
          `the Slurm node is not idle after 30 s (state ${state || 'unknown'}): ${tail(join(root, 'log', 'slurmctld.log'))}`,
        );
      }
      await sleep(100);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    root,
    env,
    run(command, args, cwd = root) {
      return execFileSync(command, args, { env, cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    },
    stop,
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
