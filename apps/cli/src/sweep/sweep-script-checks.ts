import { UsageError } from '../usage-error.js';

/** C0 and C1 control characters and the Unicode line/paragraph separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A value quoted for an error message, every control character escaped (one line, always). */
function shown(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (character) => `\\u${character.codePointAt(0)?.toString(16).padStart(4, '0')}`,
  );
}

/**
 * Throws a {@link UsageError} when a value bound for a script or manifest holds a control
 * character: a newline in a path would end a comment line and run the rest as a command.
 *
 * @example
 * ```ts
 * rejectControlCharacters('--out', '/scratch/e1'); // fine
 * ```
 */
export function rejectControlCharacters(argument: string, value: string): void {
  const found = CONTROL.exec(value);
  if (found) {
    const code = `U+${found[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new UsageError(
      argument,
      `${shown(value)} contains the control character ${code}; expected printable text`,
    );
  }
}

const TIME_FORMS = 'MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS or UNLIMITED';

/**
 * Checks a Slurm `--time` limit in one of the forms sbatch accepts: `minutes`,
 * `minutes:seconds`, `hours:minutes:seconds`, `days-hours`, `days-hours:minutes`,
 * `days-hours:minutes:seconds`, or `UNLIMITED`/`INFINITE`/`-1`. Like sbatch (checked against
 * Slurm 22.05 in the Slurm end-to-end test), fields may exceed their clock range (`1:90` is
 * 2.5 minutes). A limit of zero, which Slurm reads as "no limit", is refused: write UNLIMITED.
 *
 * @example
 * ```ts
 * checkSlurmTime('1-12:00:00'); // fine: a day and a half
 * ```
 */
export function checkSlurmTime(text: string): void {
  if (/^(UNLIMITED|INFINITE|-1)$/i.test(text)) return;
  const match = /^(?:(\d+)-)?(\d+)(?::(\d+))?(?::(\d+))?$/.exec(text);
  if (!match) throw new UsageError('--time', `got ${shown(text)}; expected ${TIME_FORMS}`);
  if (match.slice(1).every((field) => field === undefined || Number(field) === 0)) {
    throw new UsageError(
      '--time',
      `got "${text}"; expected a limit above zero (Slurm reads 0 as no limit: write UNLIMITED for that)`,
    );
  }
}

/** Memory per task, in the spelling of each scheduler. */
export interface MemoryRequest {
  /** sbatch `--mem`: an integer with K, M, G or T (binary units; no suffix means M). */
  slurm: string;
  /** Kubernetes quantity: the same amount in Ki, Mi, Gi or Ti. */
  kubernetes: string;
}

/**
 * Reads `--mem` as sbatch does (`<integer>[K|M|G|T]`, binary units, megabytes without a
 * suffix; sbatch also takes `4GB` for `4G`) and spells the same amount for Kubernetes (`Ki`/`Mi`/`Gi`/`Ti`). Zero, which sbatch
 * reads as "all the node's memory", is refused.
 *
 * @example
 * ```ts
 * parseMemory('4G'); // { slurm: '4G', kubernetes: '4Gi' }
 * parseMemory('512'); // { slurm: '512M', kubernetes: '512Mi' }
 * ```
 */
export function parseMemory(text: string): MemoryRequest {
  const match = /^(\d+)(?:([KMGTkmgt])[Bb]?)?$/.exec(text);
  const amount = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(amount) || amount < 1) {
    throw new UsageError(
      '--mem',
      `got "${text}"; expected a positive integer with an optional unit K, M, G or T (binary; M when omitted), e.g. 4G`,
    );
  }
  const unit = (match[2] || 'M').toUpperCase();
  return { slurm: `${amount}${unit}`, kubernetes: `${amount}${unit}i` };
}

/**
 * Checks a Slurm `--partition`: one name or a comma-separated list, each of letters, digits,
 * `_`, `.` and `-` (no spaces, quotes or shell syntax).
 *
 * @example
 * ```ts
 * checkPartition('gpu,long'); // fine
 * ```
 */
export function checkPartition(text: string): void {
  if (!/^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$/.test(text) || text.length > 1000) {
    throw new UsageError(
      '--partition',
      `got ${shown(text)}; expected a partition name (letters, digits, _ . -) or a comma-separated list of them`,
    );
  }
}

/** Slurm stores `--cpus-per-task` in 16 bits with the top two values reserved. */
export const MAX_CPUS_PER_TASK = 65_533;

/**
 * Checks CPUs per task: an integer from 1 to {@link MAX_CPUS_PER_TASK}.
 *
 * @example
 * ```ts
 * checkCpus(4); // fine
 * ```
 */
export function checkCpus(cpus: number): void {
  if (!Number.isSafeInteger(cpus) || cpus < 1 || cpus > MAX_CPUS_PER_TASK) {
    throw new UsageError('--cpus', `got ${cpus}; expected an integer from 1 to ${MAX_CPUS_PER_TASK}`);
  }
}

/**
 * Checks a PersistentVolumeClaim name: a DNS-1123 subdomain (lowercase letters, digits, `-`
 * and `.`, starting and ending alphanumeric, at most 253 characters), as Kubernetes requires.
 *
 * @example
 * ```ts
 * checkClaimName('benignlab-results'); // fine
 * ```
 */
export function checkClaimName(text: string): void {
  const label = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
  if (text.length > 253 || !new RegExp(`^${label}(\\.${label})*$`).test(text)) {
    throw new UsageError(
      '--pvc',
      `got ${shown(text)}; expected a Kubernetes name (lowercase letters, digits, - and ., starting and ending with a letter or digit, at most 253 characters)`,
    );
  }
}

/**
 * Checks a container image reference: `[registry/]name[:tag][@digest]` of letters, digits and
 * `. _ - / : @`, with no spaces or quotes.
 *
 * @example
 * ```ts
 * checkImage('node:20-slim'); // fine
 * ```
 */
export function checkImage(text: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._\-/:@+]*$/.test(text) || text.length > 512) {
    throw new UsageError(
      '--image',
      `got ${shown(text)}; expected a container image reference such as node:20-slim or registry.example.org/team/node:20`,
    );
  }
}

/**
 * Checks the output directory a Kubernetes pod mounts the claim at: an absolute path without
 * `:` (Kubernetes refuses both), and no control characters.
 *
 * @example
 * ```ts
 * checkMountPath('/results'); // fine
 * ```
 */
export function checkMountPath(text: string): void {
  rejectControlCharacters('--out', text);
  if (!text.startsWith('/') || text.includes(':')) {
    throw new UsageError(
      '--out',
      `got ${shown(text)}; expected an absolute path without ':' (the claim's mount path in the pod)`,
    );
  }
}
