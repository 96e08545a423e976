import { registerBackend, removeBackend, setBackend } from '../registry.js';
import type { ThreadedBackend, ThreadOptions } from './thread-options.js';

/** Priority of a thread pool's backend: above single-threaded WebAssembly (10, 11) and JS (0). */
export const THREADS_PRIORITY = 20;

/** The `enableThreads`/`disableThreads` pair of one thread-pool flavour. */
export interface ThreadSwitch {
  enable(options?: ThreadOptions): Promise<ThreadedBackend>;
  disable(): Promise<void>;
}

/**
 * Keeps at most one pool of `create`'s kind registered at `priority`: `enable` starts a new
 * pool and registers it, then stops the one it replaces; `disable` stops it and returns the
 * registry to its automatic choice.
 */
export function createThreadSwitch(
  create: (options?: ThreadOptions) => Promise<ThreadedBackend>,
  priority: number,
): ThreadSwitch {
  let active: ThreadedBackend | undefined;
  return {
    async enable(options) {
      const backend = await create(options);
      const previous = active;
      active = backend;
      registerBackend(backend, priority);
      if (previous !== undefined) {
        // A stopped pool leaves the registry, so its name is free for a later pool.
        if (previous.name !== backend.name) removeBackend(previous.name);
        await previous.terminate();
      }
      return backend;
    },
    async disable() {
      const previous = active;
      if (previous === undefined) return;
      active = undefined;
      removeBackend(previous.name);
      setBackend('auto');
      await previous.terminate();
    },
  };
}
