// A kernel worker of the browser thread pool (see web-thread-pool.ts), started as a module
// Web Worker from `new URL('./web-worker.js', import.meta.url)`. Plain JavaScript whose one
// import is the shared job loop, so a browser loads it as is from the sources, and from dist
// (tsup bundles the loop into it) with no bundler plugin.
import { serveKernelJobs } from './worker-loop.js';

function serve(modules, memory, control) {
  const slots = new Int32Array(control);
  // The product and eigen modules side by side over the one shared memory.
  const kernel = Object.assign(
    {},
    ...modules.map((module) => new WebAssembly.Instance(module, { env: { memory } }).exports),
  );
  self.postMessage({ ready: true });
  // Blocking is allowed here (a worker, not the page) and keeps this worker off its event
  // loop for good: every later instruction arrives through the control slots.
  serveKernelJobs(kernel, slots);
  self.close();
}

self.addEventListener(
  'message',
  (event) => {
    const { modules, memory, control } = event.data;
    try {
      serve(modules, memory, control);
    } catch (error) {
      self.postMessage({ ready: false, error: String(error) });
      self.close();
    }
  },
  { once: true },
);
