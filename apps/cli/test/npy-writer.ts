/**
 * A minimal `.npy` writer for the parser's property tests (format 1.0/2.0, C or Fortran
 * order, a few dtypes), independent of the parser under test.
 */
export function writeNpy(
  values: readonly number[],
  shape: readonly number[],
  options: { descr?: string; fortran?: boolean; version?: 1 | 2 } = {},
): Uint8Array {
  const descr = options.descr ?? '<f8';
  const fortran = options.fortran ?? false;
  const version = options.version ?? 1;
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  const prefix = version === 1 ? 10 : 12;
  const total = Math.ceil((prefix + header.length + 1) / 64) * 64;
  header = `${header}${' '.repeat(total - prefix - header.length - 1)}\n`;
  const size = Number(descr.slice(2));
  const little = descr[0] !== '>';
  const data = new DataView(new ArrayBuffer(values.length * size));
  const rows = shape[0] ?? 1;
  const cols = shape.length === 2 ? (shape[1] as number) : 1;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const value = values[i * cols + j] as number;
      const at = (fortran ? j * rows + i : i * cols + j) * size;
      const kind = descr.slice(1);
      if (kind === 'f8') data.setFloat64(at, value, little);
      else if (kind === 'f4') data.setFloat32(at, value, little);
      else if (kind === 'i8') data.setBigInt64(at, BigInt(value), little);
      else if (kind === 'i4') data.setInt32(at, value, little);
      else if (kind === 'i2') data.setInt16(at, value, little);
      else if (kind === 'u1') data.setUint8(at, value);
      else throw new Error(`writeNpy: unsupported ${descr}`);
    }
  }
  const out = new Uint8Array(total + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, total - prefix, true);
  else view.setUint32(8, total - prefix, true);
  for (let k = 0; k < header.length; k++) out[prefix + k] = header.charCodeAt(k);
  out.set(new Uint8Array(data.buffer), total);
  return out;
}
