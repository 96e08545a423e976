import {
  type BudgetMode,
  defaultParameters,
  type NtkLayers,
  type PlaygroundModel,
  type PlaygroundParameters,
  parameterRanges,
} from './parameters.ts';

const numericKeys = ['n', 'a', 'b', 'sigma', 'alpha', 'lambda'] as const;
const choices = {
  budget: ['relative', 'absolute'] as readonly BudgetMode[],
  model: ['min-norm', 'ridge', 'ntk'] as readonly PlaygroundModel[],
  ntkLayers: ['first', 'both'] as readonly NtkLayers[],
};

/**
 * The playground's settings as a URL query (`?n=400&a=1.5&…&model=ntk&ntkLayers=both`), every
 * key written so a link reproduces the figure even if the defaults change later.
 *
 * @param params the playground's current settings
 * @returns the query string without the leading `?`
 * @example
 * ```ts
 * settingsToQuery(defaultParameters); // 'n=200&a=1.5&b=1&sigma=0.5&alpha=0.05&lambda=0.01&budget=relative&model=min-norm&ntkLayers=first'
 * ```
 */
export function settingsToQuery(params: PlaygroundParameters): string {
  const query = new URLSearchParams();
  for (const key of numericKeys) query.set(key, String(params[key]));
  for (const key of Object.keys(choices) as (keyof typeof choices)[]) query.set(key, params[key]);
  return query.toString();
}

/**
 * Reads settings from a URL query, starting from the defaults. A key that is missing keeps
 * its default; a key whose value is not a number in the slider's range (or not one of the
 * choices) keeps its default too and is reported in `rejected`, so a mistyped link still
 * opens a working playground and says what it ignored.
 *
 * @param search `location.search`, with or without the leading `?`
 * @returns the settings and one message per ignored key (empty when all were used)
 * @example
 * ```ts
 * settingsFromQuery('?n=800&model=ridge').params.n; // 800
 * settingsFromQuery('?n=-3').rejected; // ['n = -3 is not a number in [50, 3200]; kept 200']
 * ```
 */
export function settingsFromQuery(search: string): { params: PlaygroundParameters; rejected: string[] } {
  const query = new URLSearchParams(search);
  const params: PlaygroundParameters = { ...defaultParameters };
  const rejected: string[] = [];
  for (const key of numericKeys) {
    const raw = query.get(key);
    if (raw === null) continue;
    const value = Number(raw);
    const { min, max } = parameterRanges[key];
    if (raw.trim() !== '' && Number.isFinite(value) && value >= min && value <= max) {
      params[key] = key === 'n' ? Math.round(value) : value;
    } else {
      rejected.push(`${key} = ${raw} is not a number in [${min}, ${max}]; kept ${params[key]}`);
    }
  }
  for (const key of Object.keys(choices) as (keyof typeof choices)[]) {
    const raw = query.get(key);
    if (raw === null) continue;
    if ((choices[key] as readonly string[]).includes(raw)) {
      (params as unknown as Record<string, string>)[key] = raw;
    } else {
      rejected.push(`${key} = ${raw} is not one of ${choices[key].join(', ')}; kept ${params[key]}`);
    }
  }
  return { params, rejected };
}
