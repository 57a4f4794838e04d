import { describe, expect, it } from "vitest";
import { mapLabel } from "../../src/views/map_description";

describe("a NeuronMap's text alternative", () => {
  it("gives the positive and negative shares and the range of values", () => {
    // Two cells at +1, one at -1, one at 0 (byte 128 is 0.004, as near zero as a byte gets).
    expect(mapLabel(new Uint8Array([255, 255, 0, 128]), 2)).toBe(
      "Neuron map over the input plane, 2 × 2 cells: positive (blue) on 50 %, negative (orange) on 25 %, " +
        "values from -1.00 to 1.00",
    );
  });

  it("says the map is empty when the bytes do not fill it", () => {
    expect(mapLabel(new Uint8Array(0), 0)).toBe("Neuron map: empty");
    expect(mapLabel(new Uint8Array(3), 2)).toBe("Neuron map: empty");
  });
});
