// A kernel worker of the Node thread pool (see node-thread-pool.ts). Plain JavaScript so
// Node runs it as is from the sources (tests) and from dist (tsup bundles it with its loop).
import { parentPort, workerData } from 'node:worker_threads';
import { serveKernelJobs } from './worker-loop.js';

const { module, memory, control } = workerData;
const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports;
parentPort.postMessage('ready');
serveKernelJobs(kernel, new Int32Array(control));
