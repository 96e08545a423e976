import { NpyError } from './npy-error.js';

/** The header of a `.npy` file (format versions 1.0, 2.0 and 3.0). */
export interface NpyHeader {
  /** Format version, `[major, minor]`. */
  readonly version: readonly [number, number];
  /** The dtype string, e.g. `'<f8'`. */
  readonly descr: string;
  /** Whether the data are stored column-major (numpy's `fortran_order`). */
  readonly fortranOrder: boolean;
  /** The array's shape, `()`, `(n,)`, `(rows, cols)`, … */
  readonly shape: readonly number[];
  /** Byte offset of the data. */
  readonly dataOffset: number;
}

type PyValue = string | boolean | number | PyValue[] | { [key: string]: PyValue };

/** `\x93NUMPY`, the first six bytes of every `.npy` file. */
export const NPY_MAGIC: readonly number[] = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/**
 * A parser for the Python literal that is a `.npy` header: a dict of strings, booleans,
 * integers, tuples and lists. Written out rather than massaged into JSON so that a
 * malformed header gets a precise message instead of a JSON syntax error.
 */
class LiteralParser {
  #pos = 0;
  constructor(
    private readonly text: string,
    private readonly fail: (message: string) => never,
  ) {}

  parse(): PyValue {
    const value = this.value();
    this.space();
    if (this.#pos !== this.text.length)
      this.fail(`unexpected "${this.text.slice(this.#pos, this.#pos + 10)}" after the header dict`);
    return value;
  }

  private space(): void {
    while (this.#pos < this.text.length && /\s/.test(this.text[this.#pos] as string)) this.#pos++;
  }

  private value(): PyValue {
    this.space();
    const c = this.text[this.#pos];
    if (c === '{') return this.dict();
    if (c === '(' || c === '[') return this.sequence(c === '(' ? ')' : ']');
    if (c === "'" || c === '"') return this.string(c);
    const word = /^(True|False|-?\d+L?)/.exec(this.text.slice(this.#pos));
    if (!word) return this.fail(`cannot read the header at "${this.text.slice(this.#pos, this.#pos + 12)}"`);
    this.#pos += word[0].length;
    if (word[0] === 'True') return true;
    if (word[0] === 'False') return false;
    return Number.parseInt(word[0], 10);
  }

  private string(quote: string): string {
    const end = this.text.indexOf(quote, this.#pos + 1);
    if (end < 0) this.fail('unterminated string in the header');
    const value = this.text.slice(this.#pos + 1, end);
    this.#pos = end + 1;
    return value;
  }

  private sequence(close: string): PyValue[] {
    this.#pos++;
    const items: PyValue[] = [];
    for (;;) {
      this.space();
      if (this.#pos >= this.text.length) this.fail(`unterminated sequence, expected "${close}"`);
      if (this.text[this.#pos] === close) {
        this.#pos++;
        return items;
      }
      items.push(this.value());
      this.space();
      if (this.text[this.#pos] === ',') this.#pos++;
      else if (this.text[this.#pos] !== close) this.fail(`expected "," or "${close}" in the header`);
    }
  }

  private dict(): { [key: string]: PyValue } {
    this.#pos++;
    const out: { [key: string]: PyValue } = {};
    for (;;) {
      this.space();
      if (this.#pos >= this.text.length) this.fail('unterminated dict, expected "}"');
      if (this.text[this.#pos] === '}') {
        this.#pos++;
        return out;
      }
      const key = this.value();
      if (typeof key !== 'string') this.fail('expected string keys in the header dict');
      this.space();
      if (this.text[this.#pos] !== ':') this.fail(`expected ":" after "${key}" in the header`);
      this.#pos++;
      out[key as string] = this.value();
      this.space();
      if (this.text[this.#pos] === ',') this.#pos++;
      else if (this.text[this.#pos] !== '}') this.fail('expected "," or "}" in the header');
    }
  }
}

/**
 * Reads and checks the header of a `.npy` file (NEP 1 format, versions 1–3): the magic
 * string, the version, the header length and the dict with `descr`, `fortran_order` and
 * `shape`. Does not look at the data.
 *
 * @param bytes the whole `.npy` file (or at least its header)
 * @param name the argument name errors report (default `'bytes'`; a file path reads well)
 * @throws {NpyError} no magic, an unknown version, a truncated or malformed header
 * @example
 * ```ts
 * const bytes = serializeNpy(Matrix.fromRows([[1, 2, 3], [4, 5, 6]]));
 * parseNpyHeader(bytes); // { version: [1, 0], descr: '<f8', fortranOrder: false, shape: [2, 3], dataOffset: 128 }
 * ```
 */
export function parseNpyHeader(bytes: Uint8Array, name = 'bytes'): NpyHeader {
  const fail = (message: string): never => {
    throw new NpyError(name, message);
  };
  if (!(bytes instanceof Uint8Array)) {
    return fail(`expected the bytes of a .npy file as a Uint8Array, got ${typeof bytes}`);
  }
  if (bytes.length < 10 || NPY_MAGIC.some((b, k) => bytes[k] !== b)) {
    fail('is not a .npy file (no \\x93NUMPY magic); expected bytes written by numpy.save');
  }
  const major = bytes[6] as number;
  const minor = bytes[7] as number;
  if (major < 1 || major > 3) fail(`has .npy format version ${major}.${minor}; expected 1.0, 2.0 or 3.0`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) fail('is truncated inside its header');
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataOffset = 8 + lengthBytes + headerLength;
  if (bytes.length < dataOffset) {
    fail(
      `is truncated: its header claims ${headerLength} bytes, only ${bytes.length - 8 - lengthBytes} follow`,
    );
  }
  const headerText = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    bytes.subarray(8 + lengthBytes, dataOffset),
  );
  const header = new LiteralParser(headerText.trim(), (message) =>
    fail(`has a malformed header: ${message}`),
  ).parse();
  if (header === null || typeof header !== 'object' || Array.isArray(header)) {
    return fail('has a malformed header: expected a dict');
  }
  for (const key of ['descr', 'fortran_order', 'shape']) {
    if (!(key in header)) fail(`has a malformed header: no "${key}" key`);
  }
  const { descr, fortran_order: fortranOrder, shape } = header as Record<string, PyValue>;
  if (typeof descr !== 'string') {
    return fail('has a structured dtype (record array); expected a plain numeric array');
  }
  if (typeof fortranOrder !== 'boolean')
    return fail('has a malformed header: fortran_order is not True/False');
  if (!Array.isArray(shape) || shape.some((d) => typeof d !== 'number' || d < 0)) {
    return fail('has a malformed header: shape is not a tuple of sizes');
  }
  return { version: [major, minor], descr, fortranOrder, shape: shape as number[], dataOffset };
}
