import { describe, expect, it } from "vitest";
import { asDataView, float32Bytes, fromBase64, readBytes, readFloat32 } from "../../src/shared/binary";

/** Float32 little-endian bytes placed `offset` bytes into a larger buffer, as traits arrive. */
function floatView(values: number[], offset = 0): DataView {
  const buffer = new ArrayBuffer(offset + values.length * 4 + 5);
  const view = new DataView(buffer, offset, values.length * 4);
  values.forEach((v, k) => view.setFloat32(k * 4, v, true));
  return view;
}

/** Base64 of `bytes`, as Python's base64 module writes it. */
const base64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

describe("readFloat32", () => {
  it("reads aligned views without copying", () => {
    const view = floatView([1.5, -2, 3], 8);
    const values = readFloat32(view);
    expect([...values]).toEqual([1.5, -2, 3]);
    expect(values.buffer).toBe(view.buffer);
  });

  it("reads views at odd offsets, little-endian", () => {
    expect([...readFloat32(floatView([0.25, -7], 3))]).toEqual([0.25, -7]);
  });

  it("gives nothing for a missing or empty trait", () => {
    expect(readFloat32(null)).toHaveLength(0);
    expect(readFloat32(new DataView(new ArrayBuffer(0)))).toHaveLength(0);
  });

  it("reads only the view's own bytes", () => {
    const buffer = new Uint8Array([9, 9, 1, 2, 3, 9]).buffer;
    expect([...readBytes(new DataView(buffer, 2, 3))]).toEqual([1, 2, 3]);
  });
});

describe("binary traits in every form a host delivers", () => {
  const floats = [1.5, -2, 0.25];
  const bytes = [...new Uint8Array(new Float32Array(floats).buffer)];

  it("reads a DataView inside a larger buffer by its own offset and length", () => {
    const view = floatView(floats, 12);
    expect([...readFloat32(view)]).toEqual(floats);
    expect(readBytes(view).byteOffset).toBe(12);
    expect(readBytes(view)).toHaveLength(12);
  });

  it("reads an ArrayBuffer (Colab) whole", () => {
    const buffer = new Float32Array(floats).buffer;
    expect([...readFloat32(buffer)]).toEqual(floats);
    expect([...readBytes(new Uint8Array([4, 5, 6]).buffer)]).toEqual([4, 5, 6]);
  });

  it("reads typed arrays, a Uint8Array at an offset and a Float32Array, over their own memory", () => {
    const backing = new Uint8Array([0, 0, 0, 0, ...bytes, 9]);
    const slice = backing.subarray(4, 4 + bytes.length);
    expect([...readFloat32(slice)]).toEqual(floats);
    expect(readBytes(slice).buffer).toBe(backing.buffer);
    const typed = new Float32Array([7, ...floats]).subarray(1);
    expect([...readFloat32(typed)]).toEqual(floats);
    expect(readFloat32(typed).buffer).toBe(typed.buffer);
  });

  it("reads base64 text (marimo), with or without a data: URL's header", () => {
    expect([...readFloat32(base64(bytes))]).toEqual(floats);
    expect([...readBytes(`data:application/octet-stream;base64,${base64([1, 2, 3])}`)]).toEqual([1, 2, 3]);
  });

  it("reads bytes wrapped in an object, and plain arrays of byte values", () => {
    expect([...readFloat32({ buffer: base64(bytes) })]).toEqual(floats);
    expect([...readBytes({ data: { value: new Uint8Array([1, 2]) } })]).toEqual([1, 2]);
    expect([...readBytes([3, 4, 255])]).toEqual([3, 4, 255]);
  });

  it("gives nothing for what holds no bytes", () => {
    expect(readBytes(undefined)).toHaveLength(0);
    expect(readBytes({ shape: [2, 3] })).toHaveLength(0);
    expect(readFloat32(new Uint8Array([1, 2, 3]))).toHaveLength(0);
  });
});

describe("writing bytes back", () => {
  it("round-trips float32 values through their bytes and a DataView", () => {
    const values = new Float32Array([0.5, -3, 8]);
    const view = asDataView(float32Bytes(values));
    expect(view.byteLength).toBe(12);
    expect([...readFloat32(view)]).toEqual([0.5, -3, 8]);
  });

  it("reads the bytes Python's base64 writes", () => {
    expect([...fromBase64("AP8Qgw==")]).toEqual([0, 255, 16, 131]);
  });
});
