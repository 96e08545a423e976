import { UsageError } from '../usage-error.js';
import type { CommandDefinition, FlagDefinition } from './definitions.js';

/** A parsed flag value: booleans, strings and numbers; repeatable flags collect strings. */
export type FlagValue = boolean | string | number | string[] | undefined;

/** The result of {@link parseCommandLine}. */
export interface ParsedCommandLine {
  /** Flag values by long name, defaults applied, numbers converted and range-checked. */
  flags: Record<string, FlagValue>;
  /** Flags the user actually gave (to tell a default from an explicit value). */
  given: ReadonlySet<string>;
  positionals: string[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function flagList(definition: CommandDefinition): string {
  return definition.flags.map((flag) => `--${flag.name}`).join(', ');
}

/**
 * Reads a number from command-line text strictly: decimal or exponent notation only
 * (no hex, no empty string, no `Infinity`), so a typo never becomes 0 or NaN.
 *
 * @param flag the flag named in errors, e.g. `--lambda`
 * @param text the value as typed
 * @param options `integer`: require an integer (default `false`); `min`: smallest accepted value (inclusive; no bound by default)
 * @example
 * ```ts
 * readNumber('--lambda', '1e-3', { min: 0 }); // 0.001
 * ```
 */
export function readNumber(
  flag: string,
  text: string,
  options: { integer?: boolean; min?: number } = {},
): number {
  const kind = options.integer ? 'an integer' : 'a number';
  const range = options.min === undefined ? '' : ` ≥ ${options.min}`;
  const value = NUMBER.test(text.trim()) ? Number(text) : Number.NaN;
  if (
    !Number.isFinite(value) ||
    (options.integer && !Number.isSafeInteger(value)) ||
    (options.min !== undefined && value < options.min)
  ) {
    throw new UsageError(flag, `got "${text}"; expected ${kind}${range}`);
  }
  return value;
}

function convert(flag: FlagDefinition, text: string): string | number {
  const name = `--${flag.name}`;
  switch (flag.type) {
    case 'integer':
      return readNumber(name, text, { integer: true, ...(flag.min === undefined ? {} : { min: flag.min }) });
    case 'number':
      return readNumber(name, text, flag.min === undefined ? {} : { min: flag.min });
    case 'enum':
      if (!flag.values?.includes(text)) {
        throw new UsageError(name, `got "${text}"; expected one of ${flag.values?.join(', ')}`);
      }
      return text;
    default:
      if (text.trim() === '') throw new UsageError(name, `is empty; expected ${flag.valueName ?? 'a value'}`);
      return text;
  }
}

/**
 * Parses a command's arguments against its {@link CommandDefinition}: `--flag value`,
 * `--flag=value`, boolean `--flag`, `-h`, and positionals (`--` ends the flags). Every
 * problem (unknown flag, missing or bad value, repeated flag, missing required flag,
 * wrong positional) is a {@link UsageError} naming the flag and what is allowed.
 *
 * @param definition the command's definition (its positionals and flags with types and defaults)
 * @param argv the arguments after the command name
 * @example
 * ```ts
 * const { flags } = parseCommandLine(fitCommand, ['--x', 'X.csv', '--y', 'y.csv', '--model', 'minnorm']);
 * flags.model; // 'minnorm'
 * ```
 */
export function parseCommandLine(definition: CommandDefinition, argv: readonly string[]): ParsedCommandLine {
  const flags: Record<string, FlagValue> = {};
  const given = new Set<string>();
  const positionals: string[] = [];
  const byName = new Map(definition.flags.map((flag) => [flag.name, flag]));
  const byShort = new Map(
    definition.flags.filter((f) => f.short).map((flag) => [flag.short as string, flag]),
  );
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const spelled = equals > 0 && arg.startsWith('--') ? arg.slice(0, equals) : arg;
    const flag = spelled.startsWith('--') ? byName.get(spelled.slice(2)) : byShort.get(spelled.slice(1));
    if (!flag) {
      throw new UsageError(
        spelled,
        `unknown option for "benignlab ${definition.name}"; expected one of ${flagList(definition)}`,
      );
    }
    const name = `--${flag.name}`;
    if (given.has(flag.name) && !flag.repeatable) {
      throw new UsageError(name, 'given more than once; expected it at most once');
    }
    given.add(flag.name);
    if (flag.type === 'boolean') {
      if (equals > 0 && spelled !== arg) {
        throw new UsageError(name, `is a switch and takes no value (got "${arg}")`);
      }
      flags[flag.name] = true;
      continue;
    }
    let text: string;
    if (equals > 0 && spelled !== arg) {
      text = arg.slice(equals + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(name, `needs a value ${flag.valueName ?? ''}`.trimEnd());
      }
      text = next;
      i++;
    }
    const value = convert(flag, text);
    if (flag.repeatable) {
      const list = (flags[flag.name] as string[] | undefined) ?? [];
      list.push(String(value));
      flags[flag.name] = list;
    } else {
      flags[flag.name] = value;
    }
  }
  if (flags.help === true) return { flags, given, positionals };
  for (const flag of definition.flags) {
    if (flags[flag.name] !== undefined) continue;
    if (flag.required) {
      throw new UsageError(
        `--${flag.name}`,
        `is required; expected ${flag.valueName ?? 'a value'}${flag.values ? ` (one of ${flag.values.join(', ')})` : ''}`,
      );
    }
    if (flag.default !== undefined) flags[flag.name] = flag.default;
  }
  checkPositionals(definition, positionals);
  return { flags, given, positionals };
}

function checkPositionals(definition: CommandDefinition, positionals: string[]): void {
  const specs = definition.positionals;
  const variadic = specs.some((spec) => spec.variadic);
  if (!variadic && positionals.length > specs.length) {
    const extra = positionals[specs.length] as string;
    throw new UsageError(
      extra,
      specs.length === 0
        ? `unexpected argument; "benignlab ${definition.name}" takes only options (${flagList(definition)})`
        : `unexpected extra argument; "benignlab ${definition.name}" takes ${specs.map((s) => `<${s.name}>`).join(' ')}`,
    );
  }
  specs.forEach((spec, k) => {
    const value = positionals[k];
    if (value === undefined) {
      if (spec.required) {
        throw new UsageError(
          `<${spec.name}>`,
          `is missing; expected ${spec.description}${spec.values ? ` (one of ${spec.values.join(', ')})` : ''}`,
        );
      }
      return;
    }
    const values = spec.variadic ? positionals.slice(k) : [value];
    for (const v of values) {
      if (spec.values && !spec.values.includes(v)) {
        throw new UsageError(`<${spec.name}>`, `got "${v}"; expected one of ${spec.values.join(', ')}`);
      }
    }
  });
}
