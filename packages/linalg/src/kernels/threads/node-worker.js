// A kernel worker of the Node thread pool (see node-thread-pool.ts). Plain JavaScript so
// Node runs it as is from the sources (tests) and from dist (tsup bundles it with its loop).
import { parentPort, workerData } from 'node:worker_threads';
import { serveKernelJobs } from './worker-loop.js';

const { modules, memory, control, ready } = workerData;
// The product and eigen modules side by side over the one shared memory.
const kernel = Object.assign(
  {},
  ...modules.map((module) => new WebAssembly.Instance(module, { env: { memory } }).exports),
);
parentPort.postMessage('ready');
if (ready !== undefined) {
  // A synchronous starter blocks in Atomics.wait and cannot receive the message.
  const count = new Int32Array(ready);
  Atomics.add(count, 0, 1);
  Atomics.notify(count, 0);
}
serveKernelJobs(kernel, new Int32Array(control));
