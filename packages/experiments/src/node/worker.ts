import { parentPort } from 'node:worker_threads';
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
}

const port = parentPort;
if (!port) throw new Error('@benignlab/experiments worker: must run inside a worker thread');

port.on('message', async (message: CellMessage) => {
  const started = now();
  try {
    const rows = await findExperiment(message.experimentId).runCell(message.config, message.cell);
    port.postMessage({ task: message.task, rows, ms: now() - started });
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    port.postMessage({ task: message.task, error: text });
  }
});
