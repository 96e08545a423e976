import type { CovarianceSpec } from '@benignlab/data';
import { UsageError } from '../usage-error.js';

/** The covariance families a SPEC may name, with their fields ([Theory §1](https://benignlab.github.io/theory.html#section-1)). */
export const COVARIANCE_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  isotropic: ['p', 'scale'],
  spiked: ['p', 's', 'tail', 'spike'],
  spikedScaled: ['n', 'a', 'b', 's', 'spike'],
  powerLaw: ['p', 'a'],
  bartlett: ['p', 'beta'],
};

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Whether a `--covariance` value names a file of eigenvalues rather than a family. */
export function isSpectrumFile(text: string): boolean {
  return /\.(csv|tsv|txt|npy)$/i.test(text.trim());
}

/**
 * Parses a covariance SPEC of `benignlab theory`: `kind:key=value,…`
 * (`spiked:p=2000,s=5,tail=0.005`) or a JSON object in the shape of
 * `@benignlab/data`'s `CovarianceSpec`. Field values are checked later by
 * `resolveDesignSpec`; this only reads the syntax, naming the bad part.
 *
 * @param flag the flag for messages (`--covariance`)
 * @example
 * ```ts
 * parseCovarianceSpec('--covariance', 'powerLaw:p=1000,a=1.5'); // { kind: 'powerLaw', p: 1000, a: 1.5 }
 * ```
 */
export function parseCovarianceSpec(flag: string, text: string): CovarianceSpec {
  const trimmed = text.trim();
  const kinds = Object.keys(COVARIANCE_FAMILIES).join(', ');
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed) as CovarianceSpec;
    } catch (error) {
      throw new UsageError(flag, `is not valid JSON (${(error as Error).message})`);
    }
  }
  const colon = trimmed.indexOf(':');
  const kind = colon < 0 ? trimmed : trimmed.slice(0, colon);
  const fields = COVARIANCE_FAMILIES[kind];
  if (!fields || !Object.hasOwn(COVARIANCE_FAMILIES, kind)) {
    throw new UsageError(
      flag,
      `unknown covariance "${kind}"; expected one of ${kinds} as kind:key=value,… (e.g. spiked:p=2000,s=5,tail=0.005), a JSON object, or a .csv/.npy file of eigenvalues`,
    );
  }
  const spec: Record<string, unknown> = { kind };
  const body = colon < 0 ? '' : trimmed.slice(colon + 1);
  for (const part of body.split(',').filter((s) => s.trim() !== '')) {
    const [key, value, ...rest] = part.split('=').map((s) => s.trim());
    if (key === undefined || value === undefined || rest.length > 0 || key === '') {
      throw new UsageError(flag, `"${part}" is not key=value (in ${kind}:${body})`);
    }
    if (!fields.includes(key)) {
      throw new UsageError(flag, `${kind} has no field "${key}"; expected ${fields.join(', ')}`);
    }
    if (!NUMBER.test(value)) throw new UsageError(flag, `${kind}.${key} = "${value}" is not a number`);
    spec[key] = Number(value);
  }
  return spec as unknown as CovarianceSpec;
}
