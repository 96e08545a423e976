import { DEFAULT_SEED, experimentIds } from '@benignlab/experiments';

/**
 * A declarative description of every `benignlab` command: flags, their types, allowed
 * values, defaults and examples. The argument parser, each command's `--help` and the
 * docs' CLI guide are all generated from these objects, so they cannot drift apart.
 * Browser-safe (no Node imports): the docs site may import it directly.
 */

/** How a flag's value is read. `file` and `directory` are paths (not checked here). */
export type FlagType = 'boolean' | 'string' | 'integer' | 'number' | 'enum' | 'file' | 'directory';

/** One `--flag` of a command. */
export interface FlagDefinition {
  /** Long name without dashes: `lambda` is `--lambda`. */
  readonly name: string;
  /** One-letter alias without the dash (`h` is `-h`). */
  readonly short?: string;
  readonly type: FlagType;
  /** Placeholder of the value in usage lines (`FILE`, `N`). */
  readonly valueName?: string;
  /** Allowed values of an `enum` flag. */
  readonly values?: readonly string[];
  /** Smallest allowed value of an `integer` or `number` flag. */
  readonly min?: number;
  /** Default value, applied by the parser when the flag is absent. */
  readonly default?: string | number | boolean;
  /** How the default is described when it is computed at run time (e.g. "all cores"). */
  readonly defaultText?: string;
  /** The flag may be given several times; its values are collected in order. */
  readonly repeatable?: boolean;
  /** The command fails with a usage error when the flag is missing. */
  readonly required?: boolean;
  readonly description: string;
}

/** One positional argument of a command. */
export interface PositionalDefinition {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  /** Allowed values, when the set is closed (experiment ids). */
  readonly values?: readonly string[];
  /** Takes every remaining positional (at least one when required). */
  readonly variadic?: boolean;
}

/** One example invocation, shown in `--help` and the docs. */
export interface CommandExample {
  readonly command: string;
  readonly description: string;
}

/** One `benignlab <command>`. */
export interface CommandDefinition {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** A paragraph for `--help` and the docs. */
  readonly description: string;
  readonly positionals: readonly PositionalDefinition[];
  readonly flags: readonly FlagDefinition[];
  readonly examples: readonly CommandExample[];
}

const jsonFlag: FlagDefinition = {
  name: 'json',
  type: 'boolean',
  default: false,
  description: 'print machine-readable JSON on stdout and nothing else (messages go to stderr)',
};

const helpFlag: FlagDefinition = {
  name: 'help',
  short: 'h',
  type: 'boolean',
  default: false,
  description: 'show this help',
};

/** `--seed` for commands whose result does not depend on randomness. */
const inertSeedFlag: FlagDefinition = {
  name: 'seed',
  type: 'integer',
  valueName: 'S',
  min: 0,
  default: DEFAULT_SEED,
  description:
    'top-level seed, a non-negative integer; accepted by every command for uniform scripts (this command is deterministic and does not use it)',
};

/** `--out` of the commands that write a results directory (`run`, `reproduce`). */
const resultsDirectoryFlag: FlagDefinition = {
  name: 'out',
  type: 'directory',
  valueName: 'DIR',
  default: 'benignlab-results',
  description: 'output directory',
};

/** `--workers` of the commands that compute cells on worker threads. */
const workersFlag: FlagDefinition = {
  name: 'workers',
  type: 'integer',
  valueName: 'N',
  min: 1,
  defaultText: 'all cores',
  description: 'worker threads; results are bit-identical for any N',
};

/** `--fast-kernels` of the commands that compute results (`run`, `reproduce`). */
const fastKernelsFlag: FlagDefinition = {
  name: 'fast-kernels',
  type: 'boolean',
  default: false,
  description:
    'use the fastest linear-algebra kernels (fused multiply-add where the runtime has relaxed SIMD); results may then differ across runtimes and processors in the last bits. Default: strict kernels, the same bits everywhere',
};

/** The `list` command. */
export const listCommand: CommandDefinition = {
  name: 'list',
  summary: 'list the experiments of the reproduction suite',
  description:
    'Lists every experiment with its id, title and the claim of the paper it shows. Use `benignlab describe <id>` for its settings.',
  positionals: [],
  flags: [jsonFlag, inertSeedFlag, helpFlag],
  examples: [
    { command: 'benignlab list', description: 'the experiments as a table' },
    { command: 'benignlab list --json', description: 'as a JSON array of { id, title, shows }' },
  ],
};

/** The `describe` command. */
export const describeCommand: CommandDefinition = {
  name: 'describe',
  summary: 'show an experiment’s config schema: defaults, quick sizes and allowed ranges',
  description:
    'Shows every setting of one experiment: its type, default, `--quick` value, allowed values and meaning, and how many independent cells a run has. Settings are changed with `benignlab run <id> --set key=value`.',
  positionals: [{ name: 'id', description: 'experiment id', required: true, values: experimentIds }],
  flags: [
    {
      name: 'quick',
      type: 'boolean',
      default: false,
      description: 'count the cells of the `--quick` sizes',
    },
    {
      name: 'seed',
      type: 'integer',
      valueName: 'S',
      min: 0,
      default: DEFAULT_SEED,
      description: 'top-level seed; with --json the cell list shows each cell’s derived seed',
    },
    jsonFlag,
    helpFlag,
  ],
  examples: [
    { command: 'benignlab describe e1', description: 'the settings of e1 with defaults and ranges' },
    {
      command: 'benignlab describe e2 --quick --json',
      description: 'the schema, the quick config and its cells (keys and seeds) as JSON',
    },
  ],
};

/** The `run` command. */
export const runCommand: CommandDefinition = {
  name: 'run',
  summary: 'run one experiment with any setting changed',
  description:
    'Runs one experiment of the suite with settings from `--config` (a JSON object of settings, or a previous `<id>.json`) and then `--set` (applied last), every value validated against the schema (`benignlab describe <id>`). Each cell’s rows are written as soon as it finishes to `<out>/cells/<id>/<hash>.json` (the hash of experiment, config, cell and seed), so an interrupted run resumes where it stopped (`--fresh` recomputes). Writes `<id>.json`, `<id>.csv`, `<id>.svg` and `<id>.png` into the output directory, each atomically, and prints the verdicts. With `--shard i/N` (or a Slurm array / Kubernetes Indexed Job) it runs one slice and writes only its cells.',
  positionals: [{ name: 'id', description: 'experiment id', required: true, values: experimentIds }],
  flags: [
    { name: 'quick', type: 'boolean', default: false, description: 'start from the smaller `--quick` sizes' },
    {
      name: 'set',
      type: 'string',
      valueName: 'KEY=VALUE',
      repeatable: true,
      description: 'change one setting; lists as `50,100,200` or JSON `[50,100,200]`, booleans as true/false',
    },
    {
      name: 'config',
      type: 'file',
      valueName: 'FILE',
      description:
        'JSON file with settings: `{ "ns": [50, 100] }`, or a result `<id>.json` (its `config` is used)',
    },
    {
      name: 'seeds',
      type: 'integer',
      valueName: 'N',
      min: 1,
      description: 'replicates (independent draws) per setting; shorthand for `--set replicates=N`',
    },
    resultsDirectoryFlag,
    workersFlag,
    fastKernelsFlag,
    {
      name: 'seed',
      type: 'integer',
      valueName: 'S',
      min: 0,
      default: DEFAULT_SEED,
      description: 'top-level seed every cell’s seed derives from',
    },
    {
      name: 'json',
      type: 'boolean',
      default: false,
      description:
        'print the result (`<id>.json`’s content) on stdout and nothing else; a shard prints `{ id, shard, cells, reused, computed, directory }`',
    },
    {
      name: 'shard',
      type: 'string',
      valueName: 'i/N',
      defaultText: 'from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX, else the whole run',
      description:
        'run only shard i of N (1-based; cells dealt round-robin in plan order) and write just its cell files; combine shards with `benignlab merge`',
    },
    {
      name: 'shard-count',
      type: 'integer',
      valueName: 'N',
      min: 1,
      defaultText: 'BENIGNLAB_SHARD_COUNT',
      description:
        'the shard count of a Kubernetes Indexed Job (its completions), with JOB_COMPLETION_INDEX as the 0-based shard',
    },
    {
      name: 'fresh',
      type: 'boolean',
      default: false,
      description:
        'recompute every cell; by default cells already in `<out>/cells/<id>/` (valid files) are reused',
    },
    helpFlag,
  ],
  examples: [
    { command: 'benignlab run e1 --quick', description: 'e1 at the quick sizes' },
    {
      command: 'benignlab run e1 --set ns=100,200,400 --set alphaRelative=0.1 --seeds 4 --out my-results',
      description: 'e1 over other sample sizes and a larger relative budget, 4 draws per n',
    },
    {
      command: 'benignlab run e2 --config e2-settings.json --json > e2.json',
      description: 'settings from a file, the result as JSON on stdout',
    },
    {
      command: 'benignlab run e2 --shard 2/3 --out /shared/sweep',
      description: 'the second of three slices (then `benignlab merge /shared/sweep`)',
    },
  ],
};

/** The `fit` command. */
export const fitCommand: CommandDefinition = {
  name: 'fit',
  summary: 'fit min-norm, ridge or NTK regression to your own data (CSV or .npy)',
  description:
    'Fits a model to the design in `--x` (n rows of p features, no intercept: centre the data first if it needs one) and the labels in `--y`, read from CSV or NumPy `.npy` files. Prints the coefficients (θ̂ for linear models, the kernel weights α of f̂(x) = Σᵢ αᵢ K(x, xᵢ) for NTK models), or predictions at the rows of `--predict`. With `--theta-star` and `--covariance` (linear models) it also prints the exact standard risk R(θ̂) = (θ̂ − θ*)ᵀΣ(θ̂ − θ*) and the ℓ2 adversarial risk R_α(θ̂) for Gaussian features. Ridge minimizes (1/n)‖y − Xθ‖² + λ‖θ‖² (scikit-learn’s alpha is nλ).',
  positionals: [],
  flags: [
    {
      name: 'x',
      type: 'file',
      valueName: 'FILE',
      required: true,
      description: 'design X, n×p (.csv or .npy)',
    },
    {
      name: 'y',
      type: 'file',
      valueName: 'FILE',
      required: true,
      description: 'labels y, length n (.csv or .npy)',
    },
    {
      name: 'model',
      type: 'enum',
      valueName: 'MODEL',
      values: ['minnorm', 'ridge', 'ntk', 'ntk-ridge'],
      required: true,
      description:
        'minnorm: θ̂ = X⁺y; ridge: (XᵀX + nλI)⁻¹Xᵀy; ntk: the NTK interpolator; ntk-ridge: NTK kernel ridge',
    },
    {
      name: 'lambda',
      type: 'number',
      valueName: 'L',
      min: 0,
      description: 'ridge parameter λ ≥ 0 (required by ridge and ntk-ridge, refused by the others)',
    },
    {
      name: 'layers',
      type: 'enum',
      valueName: 'LAYERS',
      values: ['first', 'both'],
      defaultText: 'both (NTK models only)',
      description: 'NTK kernel: first layer trained (K₁) or both layers (K₁ + K₂)',
    },
    {
      name: 'predict',
      type: 'file',
      valueName: 'FILE',
      description: 'print predictions at the rows of this m×p file instead of the coefficients',
    },
    {
      name: 'theta-star',
      type: 'file',
      valueName: 'FILE',
      description: 'the true θ*, length p, for the risks (linear models)',
    },
    {
      name: 'covariance',
      type: 'file',
      valueName: 'FILE',
      description: 'feature covariance Σ for the risks: p eigenvalues (diagonal Σ) or a p×p symmetric matrix',
    },
    {
      name: 'alpha',
      type: 'number',
      valueName: 'A',
      min: 0,
      defaultText: '0.1 (absolute) or 0.05 (relative)',
      description: 'adversarial budget α (absolute) or α_rel (relative)',
    },
    {
      name: 'budget',
      type: 'enum',
      valueName: 'MODE',
      values: ['absolute', 'relative'],
      default: 'absolute',
      description: 'how --alpha is read: as given, or α = α_rel·√tr(Σ)',
    },
    {
      name: 'json',
      type: 'boolean',
      default: false,
      description:
        'print `{ "coef": [...] }` or `{ "predictions": [...] }` (plus `"risks"` with --theta-star) and nothing else',
    },
    inertSeedFlag,
    helpFlag,
  ],
  examples: [
    { command: 'benignlab fit --x X.csv --y y.csv --model minnorm', description: 'min-norm coefficients' },
    {
      command: 'benignlab fit --x X.npy --y y.npy --model ridge --lambda 0.01 --json',
      description: 'ridge coefficients as JSON',
    },
    {
      command: 'benignlab fit --x X.npy --y y.npy --model ntk --layers first --predict T.npy',
      description: 'predictions of the first-layer NTK interpolator at the rows of T',
    },
    {
      command:
        'benignlab fit --x X.csv --y y.csv --model minnorm --theta-star theta.csv --covariance eigenvalues.csv --alpha 0.05 --budget relative',
      description: 'coefficients plus standard and adversarial risks',
    },
  ],
};

/** The `theory` command. */
export const theoryCommand: CommandDefinition = {
  name: 'theory',
  summary: 'deterministic-equivalent theory curves for ridge and min-norm, instantly',
  description:
    'Predicts, for Gaussian features, the standard risk R, the squared norm ‖θ̂‖², the ℓ2 adversarial risk R_α and the harm ratio R_α(θ̂)/R_α(θ*) of ridge regression at each λ (λ = 0 is min-norm and needs p > n), from the deterministic equivalents of Theory §4 (https://benignlab.github.io/theory.html#section-4). θ* has norm `--theta-norm` spread equally over the top s eigendirections (the top one for non-spiked spectra). SPEC is `kind:key=value,…` or a JSON object: `spiked:p=2000,s=5,tail=0.005`, `spikedScaled:n=200,a=1.5,b=1,s=5`, `powerLaw:p=1000,a=1.5`, `bartlett:p=1000,beta=2`, `isotropic:p=100,scale=1`, or a `.csv`/`.npy` file of eigenvalues.',
  positionals: [],
  flags: [
    {
      name: 'covariance',
      type: 'string',
      valueName: 'SPEC',
      required: true,
      description: 'the spectrum of Σ (see above)',
    },
    { name: 'n', type: 'integer', valueName: 'N', min: 1, required: true, description: 'sample size n' },
    { name: 'lambda', type: 'number', valueName: 'L', min: 0, description: 'one ridge parameter λ ≥ 0' },
    {
      name: 'lambdas',
      type: 'string',
      valueName: 'GRID',
      description: 'a grid: `a:b:k` (k log-spaced values from a > 0 to b) or a list `0,0.01,0.1`',
    },
    {
      name: 'alpha',
      type: 'number',
      valueName: 'A',
      min: 0,
      defaultText: '0.1 (absolute) or 0.05 (relative)',
      description: 'adversarial budget α (absolute) or α_rel (relative)',
    },
    {
      name: 'budget',
      type: 'enum',
      valueName: 'MODE',
      values: ['absolute', 'relative'],
      default: 'absolute',
      description: 'how --alpha is read: as given, or α = α_rel·√tr(Σ)',
    },
    {
      name: 'sigma2',
      type: 'number',
      valueName: 'S2',
      min: 0,
      default: 0.25,
      description: 'label-noise variance σ²',
    },
    { name: 'theta-norm', type: 'number', valueName: 'R', min: 0, default: 1, description: '‖θ*‖₂' },
    {
      name: 'json',
      type: 'boolean',
      default: false,
      description: 'print `{ "model": {...}, "points": [...] }` and nothing else',
    },
    inertSeedFlag,
    helpFlag,
  ],
  examples: [
    {
      command: 'benignlab theory --covariance spiked:p=2000,s=5,tail=0.005 --n 200 --lambda 0',
      description:
        'min-norm at the reference design of Theory §4 (https://benignlab.github.io/theory.html#section-4)',
    },
    {
      command:
        'benignlab theory --covariance spikedScaled:n=800,a=1.5,b=1,s=5 --n 800 --lambdas 1e-4:10:9 --alpha 0.05 --budget relative',
      description: 'the ridge trade-off over λ under a relative budget',
    },
    {
      command: 'benignlab theory --covariance eigenvalues.npy --n 100 --lambdas 0,0.01,0.1 --json',
      description: 'your own spectrum, as JSON',
    },
  ],
};

/** The `merge` command. */
export const mergeCommand: CommandDefinition = {
  name: 'merge',
  summary: 'combine the cell files of shard runs into the results of one run',
  description:
    'Reads the plan and cell files (`cells/<id>/`) that `benignlab run --shard i/N` wrote into one or more directories and writes `<id>.json`, `<id>.csv`, `<id>.svg` and `<id>.png`, byte for byte what one unsharded run writes. Fails (exit 1) naming how many cells are missing, which ones, and the shard that likely failed; or naming a cell whose copies in two directories differ.',
  positionals: [
    {
      name: 'DIR',
      description: 'output directories of the shard runs (one shared directory, or one per shard)',
      required: true,
      variadic: true,
    },
  ],
  flags: [
    {
      name: 'out',
      type: 'directory',
      valueName: 'DIR',
      defaultText: 'the first DIR',
      description: 'where to write the merged results',
    },
    {
      name: 'json',
      type: 'boolean',
      default: false,
      description: 'print `[{ id, cells, duplicates, out, files }]` and nothing else',
    },
    {
      ...fastKernelsFlag,
      description: 'the shards ran with --fast-kernels (their cell files are named apart from strict ones)',
    },
    inertSeedFlag,
    helpFlag,
  ],
  examples: [
    { command: 'benignlab merge /scratch/sweep', description: 'all shards wrote into one shared directory' },
    {
      command: 'benignlab merge shard-1 shard-2 shard-3 --out merged',
      description: 'one directory per shard, merged into another',
    },
  ],
};

/** The `sweep-script` command. */
export const sweepScriptCommand: CommandDefinition = {
  name: 'sweep-script',
  summary: 'print an sbatch job-array script or a Kubernetes Indexed Job for a sharded run',
  description:
    'Prints a ready Slurm sbatch script (a job array of N tasks) or a Kubernetes Indexed Job manifest (N completions) that runs `benignlab run <id> …` in N shards into a shared output directory, with the commands to submit it and to merge the shards. The run options are validated here exactly as `benignlab run` validates them. Needs no cluster access.',
  positionals: [{ name: 'id', description: 'experiment id', required: true, values: experimentIds }],
  flags: [
    { name: 'slurm', type: 'boolean', default: false, description: 'print an sbatch job-array script' },
    { name: 'k8s', type: 'boolean', default: false, description: 'print a Kubernetes Indexed Job manifest' },
    {
      name: 'shards',
      type: 'integer',
      valueName: 'N',
      min: 1,
      default: 4,
      description: 'number of shards (array tasks / completions)',
    },
    {
      name: 'cpus',
      type: 'integer',
      valueName: 'N',
      min: 1,
      default: 2,
      description: 'CPUs per task; also each task’s --workers',
    },
    {
      name: 'time',
      type: 'string',
      valueName: 'HH:MM:SS',
      default: '02:00:00',
      description: 'Slurm time limit per task: MM, HH:MM:SS, D-HH:MM:SS, … or UNLIMITED (--slurm only)',
    },
    {
      name: 'mem',
      type: 'string',
      valueName: 'SIZE',
      defaultText: 'the cluster’s',
      description: 'memory per task, an integer with K, M, G or T (binary units), e.g. 4G',
    },
    {
      name: 'partition',
      type: 'string',
      valueName: 'NAME',
      defaultText: 'the cluster’s',
      description: 'Slurm partition, or a comma-separated list (--slurm only)',
    },
    {
      name: 'image',
      type: 'string',
      valueName: 'IMAGE',
      default: 'node:20-slim',
      description: 'container image with Node 20+ and npm (--k8s only)',
    },
    {
      name: 'pvc',
      type: 'string',
      valueName: 'NAME',
      default: 'benignlab-results',
      description: 'PersistentVolumeClaim mounted at --out (--k8s only)',
    },
    {
      name: 'quick',
      type: 'boolean',
      default: false,
      description: 'passed to run: the smaller `--quick` sizes',
    },
    {
      name: 'set',
      type: 'string',
      valueName: 'KEY=VALUE',
      repeatable: true,
      description: 'passed to run: change one setting (repeatable)',
    },
    {
      name: 'config',
      type: 'file',
      valueName: 'FILE',
      description: 'passed to run: JSON settings file (must be readable on the cluster at the same path)',
    },
    {
      name: 'seeds',
      type: 'integer',
      valueName: 'N',
      min: 1,
      description: 'passed to run: replicates per setting',
    },
    {
      name: 'fresh',
      type: 'boolean',
      default: false,
      description: 'passed to run: recompute cells already on disk',
    },
    {
      name: 'out',
      type: 'directory',
      valueName: 'DIR',
      defaultText: 'benignlab-results (Slurm) or /results (Kubernetes)',
      description: 'shared output directory of every task (for --k8s, the claim’s mount path)',
    },
    {
      name: 'seed',
      type: 'integer',
      valueName: 'S',
      min: 0,
      default: DEFAULT_SEED,
      description: 'passed to run: top-level seed every cell’s seed derives from',
    },
    {
      name: 'json',
      type: 'boolean',
      default: false,
      description:
        'print `{ "scheduler", "file", "text" }` (a suggested file name and the script) and nothing else',
    },
    helpFlag,
  ],
  examples: [
    {
      command:
        'benignlab sweep-script --slurm e2 --set replicates=20 --shards 16 --out /scratch/e2 > e2.sbatch',
      description: 'a 16-task job array writing into /scratch/e2',
    },
    {
      command: 'benignlab sweep-script --k8s e1 --quick --shards 4 --pvc my-claim > e1-job.yaml',
      description: 'an Indexed Job of 4 pods sharing the claim my-claim',
    },
  ],
};

/**
 * `reproduce` as documented for the CLI guide. Its flags are parsed by
 * `parseReproduceArgs`; a test checks that both accept the same flags.
 */
export const reproduceCommand: CommandDefinition = {
  name: 'reproduce',
  summary: 'run the whole reproduction suite and write the report',
  description:
    'Runs the reproduction suite and writes report.html, <id>.json, <id>.csv, <id>.svg and <id>.png into the output directory.',
  positionals: [],
  flags: [
    {
      name: 'quick',
      type: 'boolean',
      default: false,
      description: 'smaller sizes, same conclusions (about a minute)',
    },
    resultsDirectoryFlag,
    {
      name: 'only',
      type: 'string',
      valueName: 'IDS',
      defaultText: 'all',
      description: 'comma-separated experiments to run',
    },
    {
      name: 'seed',
      type: 'integer',
      valueName: 'S',
      min: 0,
      default: DEFAULT_SEED,
      description: 'top-level seed, a non-negative integer',
    },
    workersFlag,
    fastKernelsFlag,
    helpFlag,
  ],
  examples: [
    { command: 'benignlab reproduce --quick', description: 'the whole suite at the quick sizes' },
    {
      command: 'benignlab reproduce --only e1,e2 --out results --seed 7',
      description: 'two experiments with another seed',
    },
  ],
};

/** Every command, in the order of the top-level help. */
export const commandDefinitions: readonly CommandDefinition[] = [
  reproduceCommand,
  listCommand,
  describeCommand,
  runCommand,
  fitCommand,
  theoryCommand,
  mergeCommand,
  sweepScriptCommand,
];

/**
 * The definition of a command by name, or `undefined`.
 *
 * @param name the command name as typed, e.g. `fit`
 * @example
 * ```ts
 * findCommand('fit')?.flags.map((f) => f.name); // ['x', 'y', 'model', …]
 * ```
 */
export function findCommand(name: string): CommandDefinition | undefined {
  return commandDefinitions.find((command) => command.name === name);
}
