/// <reference lib="webworker" />
import { getBackend } from '@benignlab/linalg';
import { enableThreads } from '@benignlab/linalg/web-threads';
import { type SimulationRequest, simulate } from './simulation.ts';

/** Messages the playground's simulation worker posts back. */
export type WorkerMessage =
  | { type: 'threads'; threads: number }
  | { type: 'progress'; done: number; total: number; n: number; threads: number }
  | {
      type: 'done';
      points: Awaited<ReturnType<typeof simulate>>;
      ms: number;
      isolated: boolean;
      backend: string;
      threads: number;
      /** Why the run used one thread, when it did (page not isolated, pool failed to start). */
      threadsNote?: string;
    }
  | { type: 'error'; message: string };

/**
 * Starts linalg's Web Worker pool on every core the browser reports when the page is
 * cross-origin isolated (shared memory); otherwise, or if the pool cannot start, the
 * single-thread kernels run and the reason is reported. Same bits either way.
 */
async function startThreads(scope: DedicatedWorkerGlobalScope): Promise<{ threads: number; note?: string }> {
  const wanted = Math.max(1, Math.min(scope.navigator.hardwareConcurrency || 1, 8));
  if (!scope.crossOriginIsolated) {
    return { threads: 1, note: 'page not cross-origin isolated, so no shared-memory threads' };
  }
  if (wanted === 1) return { threads: 1, note: 'the browser reports one core' };
  try {
    await enableThreads({ threads: wanted });
    return { threads: wanted };
  } catch (error) {
    return {
      threads: 1,
      note: `threads unavailable: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

// Runs off the main thread so the sliders stay responsive while the packages fit models.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<SimulationRequest>) => {
  const started = performance.now();
  try {
    const { threads, note } = await startThreads(scope);
    scope.postMessage({ type: 'threads', threads } satisfies WorkerMessage);
    const points = await simulate(event.data, (progress) =>
      scope.postMessage({ type: 'progress', ...progress, threads } satisfies WorkerMessage),
    );
    scope.postMessage({
      type: 'done',
      points,
      ms: performance.now() - started,
      isolated: scope.crossOriginIsolated,
      backend: getBackend().name,
      threads,
      ...(note ? { threadsNote: note } : {}),
    } satisfies WorkerMessage);
  } catch (error) {
    scope.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    } satisfies WorkerMessage);
  }
};
