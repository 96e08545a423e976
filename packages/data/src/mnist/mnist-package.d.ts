// Types for the untyped CommonJS `mnist` package (only what this package reads).
declare module 'mnist' {
  interface MnistDigitSet {
    /** The digit, 0–9. */
    readonly id: number;
    /** Number of 28×28 images. */
    readonly length: number;
    /** All images, row-major 784 intensities in [0, 1] each, concatenated. */
    readonly raw: readonly number[];
  }
  const digits: readonly MnistDigitSet[];
  export default digits;
}
