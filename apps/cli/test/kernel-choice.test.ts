import { getKernelPolicy, setKernelPolicy } from '@benignlab/linalg';
import { supportedKernelVariants } from '@benignlab/linalg/wasm-kernels';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseKernels, reproducibilityNote, runtimeName } from '../src/commands/kernel-choice.js';

describe('kernel choice of run and reproduce', () => {
  afterEach(() => setKernelPolicy('fastest'));

  it('defaults to the strict kernels (baseline SIMD) and sets the policy the cell workers inherit', () => {
    const produced = chooseKernels(false);
    expect(produced).toEqual({
      kernels: 'strict',
      variant: 'wasm-simd',
      runtime: `node ${process.versions.node}`,
    });
    expect(getKernelPolicy()).toBe('strict');
  });

  it('--fast-kernels: FMA where the runtime has relaxed SIMD', () => {
    const produced = chooseKernels(true);
    expect(produced.kernels).toBe('fastest');
    expect(produced.variant).toBe(supportedKernelVariants().fma ? 'wasm-fma' : 'wasm-simd');
    expect(getKernelPolicy()).toBe('fastest');
  });

  it('names the runtime and says what each choice guarantees', () => {
    expect(runtimeName()).toMatch(/^(node|bun|deno) \d+\.\d+/);
    expect(reproducibilityNote(chooseKernels(false))).toMatch(
      /bit for bit .* on every supported runtime and processor\.$/,
    );
    expect(reproducibilityNote(chooseKernels(true))).toMatch(/may differ .* in the last bits\.$/);
  });
});
