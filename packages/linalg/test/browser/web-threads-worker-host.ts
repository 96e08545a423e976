// A module worker that runs the test computation off the page's main thread, where the
// pool's caller may block in Atomics.wait instead of spinning.
import { computeProducts, type ProductsRequest } from './web-threads-cases.js';

self.addEventListener('message', async (event: MessageEvent<ProductsRequest>) => {
  try {
    self.postMessage({ result: await computeProducts(event.data) });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
