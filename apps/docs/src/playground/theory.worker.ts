/// <reference lib="webworker" />
import type { PlaygroundParameters } from './parameters.ts';
import { type TheoryCurves, theoryCurves } from './theory-curves.ts';

/** A request to the theory worker: the settings and a sequence number to match the reply. */
export interface TheoryRequest {
  id: number;
  params: PlaygroundParameters;
}

/** The theory worker's reply. */
export type TheoryReply = { id: number; curves: TheoryCurves } | { id: number; error: string };

// The deterministic equivalents cost 0.1–1 s of CPU for large p: computed here, a slider
// step never blocks the page; the page only draws the curves it receives.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<TheoryRequest>) => {
  const { id, params } = event.data;
  try {
    scope.postMessage({ id, curves: theoryCurves(params) } satisfies TheoryReply);
  } catch (error) {
    scope.postMessage({
      id,
      error: error instanceof Error ? error.message : String(error),
    } satisfies TheoryReply);
  }
};
