import { ExperimentError } from './errors.js';
import type { Config, ConfigSchema, ParamSpec, ParamValue } from './types.js';

/**
 * Configs: defaults from a schema (default or `--quick` sizes), overrides merged on
 * top, every value checked. Each bad key raises one {@link ExperimentError} naming the
 * key (`"e1.ns"`), the value and what is allowed.
 */

/** Options of {@link resolveConfig}. */
export interface ResolveOptions {
  /** Start from the `--quick` sizes instead of the defaults. */
  quick?: boolean;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** The numeric constraints a spec may carry. */
interface NumericSpec {
  type: string;
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  multipleOf?: number;
}

function rangeText(spec: NumericSpec): string {
  const kind =
    spec.multipleOf === 2 && spec.type.startsWith('integer')
      ? 'even integer'
      : spec.type.startsWith('integer')
        ? 'integer'
        : 'number';
  const open = spec.exclusiveMin ? '(' : '[';
  const multiple =
    spec.multipleOf !== undefined && spec.multipleOf !== 2 ? ` (a multiple of ${spec.multipleOf})` : '';
  if (spec.min !== undefined && spec.max !== undefined)
    return `${kind} in ${open}${spec.min}, ${spec.max}]${multiple}`;
  if (spec.min !== undefined) return `${kind} ${spec.exclusiveMin ? '>' : '≥'} ${spec.min}${multiple}`;
  if (spec.max !== undefined) return `${kind} ≤ ${spec.max}${multiple}`;
  return `finite ${kind}${multiple}`;
}

/**
 * Describes what a parameter accepts, for error messages and `describe`.
 *
 * @param spec the parameter's spec (type, range, allowed values)
 * @example
 * ```ts
 * allowedText({ type: 'enum', default: 'both', values: ['first', 'both'], description: '' }); // 'one of "first", "both"'
 * ```
 */
export function allowedText(spec: ParamSpec): string {
  switch (spec.type) {
    case 'integer':
    case 'number':
      return `a ${rangeText(spec)}`;
    case 'integerList':
    case 'numberList': {
      const each = rangeText(spec).replace(/^(even integer|integer|number)/, '$1s');
      const extra = [
        spec.minLength ? `at least ${spec.minLength} entries` : '',
        spec.increasing ? 'strictly increasing' : '',
      ]
        .filter(Boolean)
        .join(', ');
      return `a list of ${each}${extra ? `, ${extra}` : ''}`;
    }
    case 'enum':
      return `one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'boolean':
      return 'true or false';
  }
}

function checkNumber(spec: NumericSpec, value: unknown): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (spec.type.startsWith('integer') && !Number.isInteger(value)) return false;
  if (spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min)) return false;
  if (spec.multipleOf !== undefined && value % spec.multipleOf !== 0) return false;
  if (spec.max !== undefined && value > spec.max) return false;
  return true;
}

/**
 * Checks one value against its spec and returns it (lists copied), or throws naming `name`.
 *
 * @param name the key as named in errors, e.g. `e1.ns`
 * @param spec the parameter's spec (type, range, allowed values)
 * @param value the value to check (from JSON or the command line)
 * @example
 * ```ts
 * const spec: ParamSpec = { type: 'integerList', default: [50], min: 10, description: 'sizes' };
 * validateParam('e1.ns', spec, [50, 100]); // passes
 * // validateParam('e1.ns', spec, [5]) throws ExperimentError: e1.ns: got [5]; expected a list of integers ≥ 10
 * ```
 */
export function validateParam(name: string, spec: ParamSpec, value: unknown): ParamValue {
  const fail = (): never => {
    throw new ExperimentError(name, `got ${describe(value)}; expected ${allowedText(spec)}`);
  };
  switch (spec.type) {
    case 'integer':
    case 'number':
      if (!checkNumber(spec, value)) fail();
      return value as number;
    case 'integerList':
    case 'numberList': {
      if (!Array.isArray(value)) return fail();
      if (spec.minLength !== undefined && value.length < spec.minLength) fail();
      if (value.length === 0) fail();
      for (let i = 0; i < value.length; i++) {
        if (!checkNumber(spec, value[i])) fail();
        if (spec.increasing && i > 0 && value[i] <= value[i - 1]) fail();
      }
      return [...(value as number[])];
    }
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) fail();
      return value as string;
    case 'boolean':
      if (typeof value !== 'boolean') fail();
      return value as boolean;
  }
}

/**
 * The default config of a schema (or its `--quick` variant), without overrides.
 *
 * @param schema the experiment's config schema
 * @param options `quick`: start from the `--quick` sizes (default `false`)
 * @example
 * ```ts
 * defaultConfig(e1MinNorm.schema, { quick: true }).ns; // [50, 100, 200, 400]
 * ```
 */
export function defaultConfig<C extends Config>(schema: ConfigSchema<C>, options: ResolveOptions = {}): C {
  const config: Config = {};
  for (const [key, spec] of Object.entries(schema) as [string, ParamSpec][]) {
    const value = options.quick && spec.quick !== undefined ? spec.quick : spec.default;
    config[key] = Array.isArray(value) ? [...value] : value;
  }
  return config as C;
}

/**
 * The full config of an experiment: defaults (or quick sizes), then `overrides`, every
 * key validated. Unknown keys are errors naming the allowed keys, never ignored.
 *
 * @param id experiment id, used to name keys in errors (`"e1.ns"`)
 * @param schema the experiment's schema
 * @param overrides JSON object of key → value (e.g. from `--set` or a config file)
 * @param options `quick`: start from the `--quick` sizes (default `false`)
 * @example
 * ```ts
 * const config = resolveConfig('e1', e1MinNorm.schema, { replicates: 2 }, { quick: true });
 * config.ns; // the --quick sizes [50, …, 3200]; config.replicates is 2
 * ```
 */
export function resolveConfig<C extends Config>(
  id: string,
  schema: ConfigSchema<C>,
  overrides: unknown = {},
  options: ResolveOptions = {},
): C {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new ExperimentError(`${id}.config`, `got ${describe(overrides)}; expected an object of settings`);
  }
  const config = defaultConfig(schema, options) as Config;
  const known = Object.keys(schema);
  for (const [key, value] of Object.entries(overrides)) {
    const spec = (schema as Record<string, ParamSpec>)[key];
    if (!spec || !Object.hasOwn(schema, key)) {
      throw new ExperimentError(`${id}.${key}`, `unknown setting; expected one of ${known.join(', ')}`);
    }
    config[key] = validateParam(`${id}.${key}`, spec, value);
  }
  for (const key of known) {
    validateParam(`${id}.${key}`, (schema as Record<string, ParamSpec>)[key] as ParamSpec, config[key]);
  }
  return config as C;
}
