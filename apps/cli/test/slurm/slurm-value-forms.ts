// The --time and --mem spellings the tests try: the unit test checks our verdicts, and the
// Slurm end-to-end test asks a real `sbatch --test-only` that it agrees with every one.

/** `--time` values sbatch accepts (fields beyond their clock range included: 1:60 is 2 min). */
export const acceptedTimes = [
  '90',
  '90:30',
  '1:30:00',
  '48:00:00',
  '2-0',
  '2-12',
  '2-12:30',
  '2-12:30:15',
  'UNLIMITED',
  'infinite',
  '1:60',
  '1:30:60',
  '2-24',
  '-1',
];

/** `--time` values sbatch refuses. */
export const refusedTimes = ['forever', '1.5', '1:2:3:4', '1-2-3', '1h', '1:-1', ' 10'];

/** `--time` values sbatch accepts but we refuse on purpose: zero means "no limit" there. */
export const refusedZeroTimes = ['0', '00:00:00', '0-0'];

/** `--mem` values sbatch accepts (binary units, M without a suffix, an optional B); all fit the test node. */
export const acceptedMemory = ['1', '64', '1K', '64M', '1m', '1GB', '64mb', '1Kb', '1g'];

/** `--mem` values sbatch refuses. */
export const refusedMemory = ['1.5G', '-1', 'G', '64Mi', '64MBB', '4 G'];
