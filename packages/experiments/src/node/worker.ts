import { parentPort } from 'node:worker_threads';
import { getBackend, type KernelPolicy, setKernelPolicy } from '@benignlab/linalg';
import { now } from '../core/runner.js';
import type { Config, PlannedCell } from '../core/types.js';
import { findExperiment } from '../definitions/registry.js';

/**
 * Worker-thread entry of the pool: runs one cell per message and posts its rows back.
 * Cells are pure functions of (config, cell), so which worker runs which cell does not
 * change any number.
 */
interface CellMessage {
  task: number;
  experimentId: string;
  config: Config;
  cell: PlannedCell;
  /** The calling thread's kernel policy, so cells compute the bits it asked for. */
  kernels: KernelPolicy;
}

const port = parentPort;
if (!port) throw new Error('@benignlab/experiments worker: must run inside a worker thread');

port.on('message', async (message: CellMessage) => {
  const started = now();
  try {
    setKernelPolicy(message.kernels);
    const rows = await findExperiment(message.experimentId).runCell(message.config, message.cell);
    port.postMessage({ task: message.task, rows, ms: now() - started, backend: getBackend().name });
  } catch (error) {
    // Name, message and stack separately: the pool rebuilds a CellError whose message is
    // one line for users and whose stack is there for debugging.
    const cause =
      error instanceof Error
        ? { name: error.name, message: error.message, stack: error.stack ?? '' }
        : { name: 'Error', message: String(error), stack: '' };
    port.postMessage({ task: message.task, error: cause });
  }
});
