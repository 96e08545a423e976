// A kernel worker of the Node thread pool (see node-thread-pool.ts). Plain JavaScript so
// Node runs it as is from the sources (tests) and from dist (tsup copies it): it imports
// nothing but worker_threads. The slot numbers mirror control-layout.ts.
import { parentPort, workerData } from 'node:worker_threads';

const GENERATION = 0;
const NEXT_TASK = 1;
const DONE = 2;
const STOP = 3;
const FAILED = 15;

const { module, memory, control } = workerData;
const slots = new Int32Array(control);
const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports;
parentPort.postMessage('ready');

let seen = 0;
for (;;) {
  Atomics.wait(slots, GENERATION, seen);
  seen = Atomics.load(slots, GENERATION);
  if (Atomics.load(slots, STOP) === 1) break;
  try {
    const total = slots[14];
    for (let task = Atomics.add(slots, NEXT_TASK, 1); task < total; task = Atomics.add(slots, NEXT_TASK, 1)) {
      kernel.macroTask(
        slots[4],
        slots[5],
        slots[6],
        slots[7],
        slots[8],
        slots[9],
        slots[10],
        slots[11],
        slots[12],
        slots[13],
        task,
      );
    }
  } catch {
    Atomics.store(slots, FAILED, 1);
  }
  Atomics.add(slots, DONE, 1);
  Atomics.notify(slots, DONE);
}
