/**
 * `@benignlab/linalg/node`: Node-only helpers (they use `node:fs`), kept out of the
 * browser-safe main entry. `.npy` files: {@link readNpy}, {@link readNpyMatrix},
 * {@link readNpyVector} and the atomic {@link writeNpy}; the byte codec itself
 * (`parseNpy`, `serializeNpy`) is in the main entry.
 */
export { readNpy, readNpyMatrix, readNpyVector, writeNpy } from './node/npy-files.js';
