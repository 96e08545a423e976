// A kernel worker of the Node thread pool (see node-thread-pool.ts). Plain JavaScript so
// Node runs it as is from the sources (tests) and from dist (tsup bundles it with its loop).
import { parentPort, workerData } from 'node:worker_threads';
import { serveKernelJobs } from './worker-loop.js';

const { modules, memory, control } = workerData;
// The product and eigen modules side by side over the one shared memory.
const kernel = Object.assign(
  {},
  ...modules.map((module) => new WebAssembly.Instance(module, { env: { memory } }).exports),
);
parentPort.postMessage('ready');
serveKernelJobs(kernel, new Int32Array(control));
