import { isMissingPackage, MissingPackageError } from '@benignlab/linalg';
import type * as TensorFlow from '@tensorflow/tfjs';

// TensorFlow.js is an optional peer dependency (about 270 MB installed), needed only by
// this subpath. A missing package becomes a typed error naming what to install; any other
// failure inside the package is not hidden.
async function loadTensorFlow(): Promise<typeof TensorFlow> {
  try {
    return await import('@tensorflow/tfjs');
  } catch (error) {
    if (isMissingPackage(error, '@tensorflow/tfjs')) {
      throw new MissingPackageError('@tensorflow/tfjs', 'TwoLayerNetwork runs on TensorFlow.js');
    }
    throw error;
  }
}

// The WASM backend, when installed, registers itself with a higher priority than the CPU
// backend, so it becomes the default where no faster backend exists (Node without
// tfjs-node: about twice as fast as the CPU backend). It ships its .wasm files inside the
// npm package, so it loads offline. In browsers WebGL keeps priority.
async function loadWasmBackend(): Promise<boolean> {
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    return true;
  } catch (error) {
    if (isMissingPackage(error, '@tensorflow/tfjs-backend-wasm')) return false;
    throw error;
  }
}

/** The TensorFlow.js module the networks run on. */
export const tfjs: typeof TensorFlow = await loadTensorFlow();

/** Whether `@tensorflow/tfjs-backend-wasm` is installed (and so registered with tfjs). */
export const wasmBackendInstalled: boolean = await loadWasmBackend();

// Initialize the highest-priority backend now: the WASM backend initializes asynchronously,
// and the networks' methods are synchronous.
await tfjs.ready();
