import { isMissingPackage, MissingPackageError } from '@benignlab/linalg';

/**
 * Imports an optional module at run time by a specifier held in a variable. Bundlers
 * (esbuild, Vite, webpack) do not follow such an import, so the networks (tfjs) and the
 * MNIST images that e5 and e7 need never enter a bundle of this browser-safe main entry;
 * in Node they load from the installed packages when those experiments run. A missing
 * package becomes a {@link MissingPackageError} naming what to install.
 *
 * @param specifier the module, e.g. `'@benignlab/ntk/network'`
 * @param packageName the npm package that provides it (what the error tells to install)
 * @param purpose what needs it, e.g. `'e5 trains networks on TensorFlow.js'`
 * @example
 * ```ts
 * const { TwoLayerNetwork } = await importOptional<typeof import('@benignlab/ntk/network')>(
 *   '@benignlab/ntk/network', '@tensorflow/tfjs', 'e5 trains networks on TensorFlow.js');
 * ```
 */
export async function importOptional<Module>(
  specifier: string,
  packageName: string,
  purpose: string,
): Promise<Module> {
  try {
    return (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as Module;
  } catch (error) {
    if (isMissingPackage(error, packageName) || isMissingPackage(error, specifier)) {
      throw new MissingPackageError(packageName, purpose);
    }
    throw error;
  }
}
