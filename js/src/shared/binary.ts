// Reading the kernel's binary traits, however the host delivers them: JupyterLab gives a DataView
// that may start anywhere inside a larger buffer, Colab may give an ArrayBuffer, marimo base64
// text (or an object around it). Every view reads its bytes and float32 rows through here; the
// kernel writes them in nnwidgets/widgets/binary.py.

/** A binary trait as it may arrive. */
export type Binary = ArrayBufferView | ArrayBuffer | string | readonly number[] | { readonly [key: string]: unknown };

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Where a wrapper object may hold the bytes; searched this deep at most. */
const WRAPPER_KEYS = ["buffer", "data", "value", "bytes"];
const MAX_DEPTH = 3;

/** The bytes of `value`, over the same memory where there is memory to share; empty if none. */
export function readBytes(value: Binary | null | undefined): Uint8Array {
  return bytesOf(value, 0);
}

function bytesOf(value: unknown, depth: number): Uint8Array {
  if (value === null || value === undefined) return new Uint8Array(0);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  // By tag rather than instanceof: a buffer made in another frame (an iframe host) is one too.
  const tag = Object.prototype.toString.call(value);
  if (tag === "[object ArrayBuffer]" || tag === "[object SharedArrayBuffer]") {
    return new Uint8Array(value as ArrayBuffer);
  }
  if (typeof value === "string") return fromBase64(value);
  if (Array.isArray(value)) return Uint8Array.from(value as number[]);
  if (typeof value === "object" && depth < MAX_DEPTH) {
    const record = value as Record<string, unknown>;
    const key = WRAPPER_KEYS.find((name) => record[name] !== undefined && record[name] !== null);
    if (key) return bytesOf(record[key], depth + 1);
  }
  return new Uint8Array(0);
}

/** The little-endian float32 values of `value`; shares its memory when alignment allows. */
export function readFloat32(value: Binary | null | undefined): Float32Array {
  const bytes = readBytes(value);
  const count = Math.floor(bytes.byteLength / 4);
  if (count === 0) return new Float32Array(0);
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Float32Array(count);
  for (let k = 0; k < count; k++) values[k] = view.getFloat32(k * 4, true);
  return values;
}

/** The bytes of float32 `values`, over the same memory. */
export function float32Bytes(values: Float32Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

/** A DataView over `bytes`, as JupyterLab delivers a binary trait. */
export function asDataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The bytes of base64 `text`; a data: URL's header is skipped. */
export function fromBase64(text: string): Uint8Array {
  const comma = text.startsWith("data:") ? text.indexOf(",") : -1;
  const binary = atob(comma >= 0 ? text.slice(comma + 1) : text);
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return bytes;
}
