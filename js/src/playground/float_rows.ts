// Reading the kernel's float32 arrays out of binary traits, which arrive as DataViews that may
// start anywhere inside a larger buffer.

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The little-endian float32 values of `view`; shares its memory when alignment allows. */
export function readFloat32(view: DataView | null | undefined): Float32Array {
  if (!view || view.byteLength < 4) return new Float32Array(0);
  const count = Math.floor(view.byteLength / 4);
  if (LITTLE_ENDIAN && view.byteOffset % 4 === 0) {
    return new Float32Array(view.buffer, view.byteOffset, count);
  }
  const values = new Float32Array(count);
  for (let k = 0; k < count; k++) values[k] = view.getFloat32(k * 4, true);
  return values;
}

/** The bytes of `view` as a Uint8Array over the same memory. */
export function readBytes(view: DataView | null | undefined): Uint8Array {
  if (!view) return new Uint8Array(0);
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
