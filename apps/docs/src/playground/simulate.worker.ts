/// <reference lib="webworker" />
import { getBackend } from '@benignlab/linalg';
import { type SimulationRequest, simulate } from './simulation.ts';

/** Messages the playground's simulation worker posts back. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; n: number }
  | {
      type: 'done';
      points: Awaited<ReturnType<typeof simulate>>;
      ms: number;
      isolated: boolean;
      backend: string;
    }
  | { type: 'error'; message: string };

// Runs off the main thread so the sliders stay responsive while the packages fit models.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<SimulationRequest>) => {
  const started = performance.now();
  try {
    const points = await simulate(event.data, (progress) =>
      scope.postMessage({ type: 'progress', ...progress } satisfies WorkerMessage),
    );
    scope.postMessage({
      type: 'done',
      points,
      ms: performance.now() - started,
      isolated: scope.crossOriginIsolated,
      backend: getBackend().name,
    } satisfies WorkerMessage);
  } catch (error) {
    scope.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    } satisfies WorkerMessage);
  }
};
