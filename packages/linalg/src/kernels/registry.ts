import { LinalgError } from '../errors.js';
import { describeValue } from '../matrix.js';
import type { KernelBackend } from './backend.js';
import { jsBackend } from './js-backend.js';
import { wasmBackend } from './wasm/wasm-backends.js';

/** A registered backend and the priority it was registered with. */
export interface BackendEntry {
  readonly name: string;
  readonly priority: number;
  readonly backend: KernelBackend;
}

/**
 * Which kernels the automatic choice may use: `"fastest"` (default) takes the highest-priority
 * backend, relaxed-SIMD FMA included where the engine runs it; `"strict"` takes the
 * highest-priority backend marked {@link KernelBackend.strict}, whose results are the same
 * bits on every runtime and processor.
 */
export type KernelPolicy = 'fastest' | 'strict';

/**
 * A registration: a backend, or a loader that makes it on first use (`undefined`: this engine
 * cannot run it, and the registration is dropped). Loaders keep importing the package free of
 * WebAssembly compilation and let bundlers drop the kernels a program never reaches.
 */
interface Slot {
  name: string;
  priority: number;
  strict: boolean;
  backend?: KernelBackend;
  load?: () => KernelBackend | undefined;
}

/** The JS backend's priority: any faster backend registers above it. */
const JS_PRIORITY = 0;
/** The name that returns {@link setBackend} to automatic (highest-priority) choice. */
const AUTO = 'auto';
const POLICIES: readonly KernelPolicy[] = ['fastest', 'strict'];

// The WebAssembly SIMD kernels outrank the JS loops wherever the engine validates them (FMA
// above plain SIMD); `setBackend('js')` still selects the reference loops.
const slots: Slot[] = [
  { name: jsBackend.name, priority: JS_PRIORITY, strict: true, backend: jsBackend },
  { name: 'wasm-simd', priority: 10, strict: true, load: () => wasmBackend('simd') },
  { name: 'wasm-fma', priority: 11, strict: false, load: () => wasmBackend('fma') },
];
let pinned: KernelBackend | undefined;
let policy: KernelPolicy = 'fastest';

/** Loads `slot`'s backend if it has a loader; `undefined` (and the slot dropped) when the engine cannot run it. */
function resolve(slot: Slot): KernelBackend | undefined {
  if (slot.backend === undefined && slot.load !== undefined) {
    slot.backend = slot.load();
    slot.load = undefined;
    if (slot.backend === undefined) slots.splice(slots.indexOf(slot), 1);
  }
  return slot.backend;
}

/** The slots highest priority first, ties in registration order. */
function byPriority(): Slot[] {
  return slots
    .map((slot, index) => ({ slot, index }))
    .sort((x, y) => y.slot.priority - x.slot.priority || x.index - y.index)
    .map(({ slot }) => slot);
}

/**
 * Registers a backend made on first use by `load` (not compiled or started before it wins the
 * automatic choice or is listed). For the package's own entries (Node's default pool).
 *
 * @example
 * ```ts
 * registerBackendLoader('wasm-simd', 10, true, () => wasmBackend('simd'));
 * ```
 */
export function registerBackendLoader(
  name: string,
  priority: number,
  strict: boolean,
  load: () => KernelBackend | undefined,
): void {
  const slot: Slot = { name, priority, strict, load };
  const existing = slots.findIndex((candidate) => candidate.name === name);
  if (existing >= 0) slots[existing] = slot;
  else slots.push(slot);
}

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
  for (const slot of byPriority()) {
    if (policy === 'strict' && !slot.strict) continue;
    const backend = resolve(slot);
    if (backend !== undefined) return backend;
  }
  return jsBackend;
}

/**
 * Chooses which kernels the automatic backend choice may use (see {@link KernelPolicy}).
 * `"strict"` gives results that are the same bits on every runtime and processor (baseline
 * WebAssembly SIMD: multiply then add, never a fused multiply-add), at some speed on engines
 * with relaxed SIMD; `"fastest"` (the default) lets those engines use FMA, whose results may
 * differ from the strict ones in the last bits. A backend pinned with {@link setBackend} is
 * used whatever the policy.
 *
 * @param value `"fastest"` or `"strict"`
 * @example
 * ```ts
 * setKernelPolicy('strict');
 * getBackend().name; // "wasm-simd" everywhere ("wasm-simd-default-threads" in Node on 2+ cores)
 * setKernelPolicy('fastest');
 * ```
 */
export function setKernelPolicy(value: KernelPolicy): void {
  if (!POLICIES.includes(value)) {
    throw new LinalgError('policy', `expected "fastest" or "strict", got ${describeValue(value)}`);
  }
  policy = value;
}

/**
 * The policy set by {@link setKernelPolicy}: `"fastest"` unless changed.
 *
 * @example
 * ```ts
 * getKernelPolicy(); // "fastest"
 * ```
 */
export function getKernelPolicy(): KernelPolicy {
  return policy;
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
 * registerBackend({ ...jsBackend, name: 'my-js' }, 1); // the reference loops under another name
 * setBackend('my-js');
 * getBackend().name; // "my-js"
 * setBackend('auto');
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
  const existing = slots.findIndex((slot) => slot.name === checked.name);
  const slot: Slot = { name: checked.name, priority, strict: checked.strict === true, backend: checked };
  if (existing >= 0) {
    if (pinned !== undefined && pinned === slots[existing]?.backend) pinned = checked;
    slots[existing] = slot;
  } else {
    slots.push(slot);
  }
}

/**
 * Removes the backend registered under `name` (a no-op when none is), so that name can be
 * registered again by another object and the automatic choice never returns to it. A backend
 * pinned by {@link setBackend} that is removed is unpinned (back to `"auto"`). The built-in
 * `"js"` backend, the fallback of every choice, cannot be removed.
 *
 * @param name the registered name, e.g. `"wasm-simd-threads"`
 * @example
 * ```ts
 * registerBackend({ ...jsBackend, name: 'my-js' }, 1);
 * removeBackend('my-js');
 * listBackends().some((entry) => entry.name === 'my-js'); // false
 * ```
 */
export function removeBackend(name: string): void {
  if (typeof name !== 'string' || name.length === 0) {
    throw new LinalgError('name', `expected a non-empty backend name, got ${describeValue(name)}`);
  }
  if (name === jsBackend.name) {
    throw new LinalgError(
      'name',
      `"${jsBackend.name}" is the built-in fallback backend; expected another name`,
    );
  }
  const index = slots.findIndex((slot) => slot.name === name);
  if (index < 0) return;
  const [slot] = slots.splice(index, 1);
  if (pinned !== undefined && pinned === slot?.backend) pinned = undefined;
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
    const slot = slots.find((candidate) => candidate.name === nameOrBackend);
    const backend = slot === undefined ? undefined : resolve(slot);
    if (backend === undefined) {
      throw new LinalgError(
        'nameOrBackend',
        `no backend named ${JSON.stringify(nameOrBackend)} is registered; expected "${AUTO}" or one of ${listBackends()
          .map((candidate) => `"${candidate.name}"`)
          .join(', ')}`,
      );
    }
    pinned = backend;
    return;
  }
  const backend = assertBackend(nameOrBackend);
  const slot = slots.find((candidate) => candidate.name === backend.name);
  if (slot === undefined) registerBackend(backend, JS_PRIORITY);
  else if (resolve(slot) !== backend) {
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
  const listed: BackendEntry[] = [];
  for (const slot of byPriority()) {
    const backend = resolve(slot);
    if (backend !== undefined) listed.push({ name: slot.name, priority: slot.priority, backend });
  }
  return listed;
}
