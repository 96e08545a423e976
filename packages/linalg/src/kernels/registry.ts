import { LinalgError } from '../errors.js';
import { describeValue } from '../matrix.js';
import type { KernelBackend } from './backend.js';
import { jsBackend } from './js-backend.js';
import { supportedKernelVariants } from './wasm/kernel-module.js';
import { wasmBackend } from './wasm/wasm-backends.js';

/** A registered backend and the priority it was registered with. */
export interface BackendEntry {
  readonly name: string;
  readonly priority: number;
  readonly backend: KernelBackend;
}

/** The JS backend's priority: any faster backend registers above it. */
const JS_PRIORITY = 0;
/** The name that returns {@link setBackend} to automatic (highest-priority) choice. */
const AUTO = 'auto';

const entries: BackendEntry[] = [{ name: jsBackend.name, priority: JS_PRIORITY, backend: jsBackend }];
// The WebAssembly SIMD kernels outrank the JS loops wherever the engine validates them
// (FMA above plain SIMD); `setBackend('js')` still selects the reference loops.
for (const [variant, priority] of [
  ['simd', 10],
  ['fma', 11],
] as const) {
  const backend = supportedKernelVariants()[variant] ? wasmBackend(variant) : undefined;
  if (backend !== undefined) entries.push({ name: backend.name, priority, backend });
}
let pinned: KernelBackend | undefined;

function assertBackend(value: unknown): KernelBackend {
  const candidate = value as Partial<KernelBackend> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    typeof candidate.name !== 'string' ||
    candidate.name.length === 0 ||
    typeof candidate.gemm !== 'function' ||
    typeof candidate.syrk !== 'function'
  ) {
    throw new LinalgError(
      'backend',
      `expected a KernelBackend (an object with a non-empty string "name" and functions "gemm" and "syrk"), got ${describeValue(value)}`,
    );
  }
  if (candidate.name === AUTO) {
    throw new LinalgError('backend', `the name "${AUTO}" is reserved; expected another backend name`);
  }
  return candidate as KernelBackend;
}

/**
 * The backend the public functions run their O(n³) / O(n²p) loops on: the one pinned by
 * {@link setBackend}, else the registered backend with the highest priority (the plain
 * JS backend, priority 0, when nothing faster is registered).
 *
 * @example
 * ```ts
 * getBackend().name; // "wasm-simd" ("wasm-fma" where relaxed SIMD runs, "js" without WebAssembly SIMD)
 * ```
 */
export function getBackend(): KernelBackend {
  if (pinned !== undefined) return pinned;
  let best = entries[0] as BackendEntry;
  for (const entry of entries) if (entry.priority > best.priority) best = entry;
  return best.backend;
}

/**
 * Registers a backend (replacing one of the same name). Higher `priority` wins the
 * automatic choice; the JS backend has priority 0 and equal priorities keep the
 * earlier registration.
 *
 * @param backend an object implementing {@link KernelBackend}
 * @param priority a finite number; e.g. 10 for WebAssembly SIMD, 20 for threads
 * @example
 * ```ts
 * registerBackend(wasmBackend, 10);
 * ```
 */
export function registerBackend(backend: KernelBackend, priority: number): void {
  const checked = assertBackend(backend);
  if (typeof priority !== 'number' || !Number.isFinite(priority)) {
    throw new LinalgError('priority', `expected a finite number, got ${describeValue(priority)}`);
  }
  if (checked.name === jsBackend.name && checked !== jsBackend) {
    throw new LinalgError(
      'backend',
      `the name "${jsBackend.name}" belongs to the built-in backend; expected another name`,
    );
  }
  const existing = entries.findIndex((entry) => entry.name === checked.name);
  const entry: BackendEntry = { name: checked.name, priority, backend: checked };
  if (existing >= 0) {
    if (pinned === entries[existing]?.backend) pinned = checked;
    entries[existing] = entry;
  } else {
    entries.push(entry);
  }
}

/**
 * Pins the backend every public function uses, by registered name or as an object
 * (registered on the fly with priority 0 if new). `"auto"` returns to the automatic
 * highest-priority choice.
 *
 * @param nameOrBackend the name of a registered backend (e.g. `"js"`, `"wasm-simd"`), a backend object, or `"auto"` for the highest-priority one
 * @example
 * ```ts
 * setBackend('js');   // benchmark the reference loops
 * setBackend('auto'); // back to the fastest registered backend
 * ```
 */
export function setBackend(nameOrBackend: string | KernelBackend): void {
  if (nameOrBackend === AUTO) {
    pinned = undefined;
    return;
  }
  if (typeof nameOrBackend === 'string') {
    const entry = entries.find((candidate) => candidate.name === nameOrBackend);
    if (entry === undefined) {
      throw new LinalgError(
        'nameOrBackend',
        `no backend named ${JSON.stringify(nameOrBackend)} is registered; expected "${AUTO}" or one of ${entries
          .map((candidate) => `"${candidate.name}"`)
          .join(', ')}`,
      );
    }
    pinned = entry.backend;
    return;
  }
  const backend = assertBackend(nameOrBackend);
  const entry = entries.find((candidate) => candidate.name === backend.name);
  if (entry === undefined) registerBackend(backend, JS_PRIORITY);
  else if (entry.backend !== backend) {
    throw new LinalgError(
      'nameOrBackend',
      `a different backend named "${backend.name}" is already registered; expected that one or a new name`,
    );
  }
  pinned = backend;
}

/**
 * The registered backends, highest priority first (ties in registration order).
 *
 * @example
 * ```ts
 * listBackends().map((entry) => entry.name); // ["wasm-simd", "js"] on Node 20
 * ```
 */
export function listBackends(): BackendEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((x, y) => y.entry.priority - x.entry.priority || x.index - y.index)
    .map(({ entry }) => entry);
}
