// A NeuronMap in words: how much of the plane the neuron is positive on (blue) or negative on
// (orange), and the range of its values, read from the bytes it is drawn from.

/** `bytes`: resolution² cells, each value v in [-1, 1] as round((v + 1) / 2 * 255). */
export function mapLabel(bytes: Uint8Array, resolution: number): string {
  const cells = resolution * resolution;
  if (cells === 0 || bytes.length !== cells) return "Neuron map: empty";
  let positive = 0;
  let negative = 0;
  let low = 255;
  let high = 0;
  for (const byte of bytes) {
    if (byte > 128) positive++;
    else if (byte < 127) negative++;
    if (byte < low) low = byte;
    if (byte > high) high = byte;
  }
  const share = (count: number) => `${Math.round((count / cells) * 100)} %`;
  const value = (byte: number) => ((byte / 255) * 2 - 1).toFixed(2);
  return (
    `Neuron map over the input plane, ${resolution} × ${resolution} cells: ` +
    `positive (blue) on ${share(positive)}, negative (orange) on ${share(negative)}, ` +
    `values from ${value(low)} to ${value(high)}`
  );
}
