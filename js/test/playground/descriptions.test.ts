import { describe, expect, it } from "vitest";
import {
  formatCount,
  lossChartLabel,
  metricsPhrase,
  outputLabel,
  type Progress,
  progressAnnouncement,
} from "../../src/playground/descriptions";

const trained: Progress = { epoch: 1200, loss: 0.1114, lossName: "test", accuracy: 0.9361 };

describe("the output view's text alternative", () => {
  it("says the accuracy, the loss and the epoch", () => {
    expect(outputLabel(trained, "")).toBe("Output: test accuracy 93.6 %, test loss 0.111 at epoch 1,200");
  });

  it("leaves the accuracy out for regression, and names the training loss without test data", () => {
    expect(outputLabel({ ...trained, accuracy: null }, "")).toBe("Output: test loss 0.111 at epoch 1,200");
    expect(metricsPhrase({ ...trained, lossName: "training", accuracy: 0.5 })).toBe(
      "training accuracy 50.0 %, training loss 0.111",
    );
  });

  it("says so before there is a loss, and names a hovered neuron", () => {
    expect(outputLabel({ epoch: 0, loss: null, lossName: "test", accuracy: null }, "")).toBe(
      "Output: no loss yet at epoch 0",
    );
    expect(outputLabel(trained, "Showing neuron 2 of hidden layer 1")).toBe(
      "Output: test accuracy 93.6 %, test loss 0.111 at epoch 1,200. Showing neuron 2 of hidden layer 1",
    );
  });
});

describe("the live region's progress", () => {
  it("leads with the epoch", () => {
    expect(progressAnnouncement(trained)).toBe("Epoch 1,200: test accuracy 93.6 %, test loss 0.111.");
  });

  it("counts whole epochs with thousands separators", () => {
    expect(formatCount(1234567.8)).toBe("1,234,567");
    expect(formatCount(-1)).toBe("0");
  });
});

describe("the loss chart's text alternative", () => {
  it("spans the epochs and gives each loss from first to last", () => {
    const curve = new Float32Array([0, 0.6, 0.5, 100, 0.3, 0.2, 1200, 0.12, 0.111]);
    expect(lossChartLabel(curve)).toBe(
      "Loss per epoch, epochs 0 to 1,200: training loss from 0.600 to 0.120 (grey line), " +
        "test loss from 0.500 to 0.111 (stronger line)",
    );
  });

  it("says when there are no epochs, and leaves out a loss that is not there", () => {
    expect(lossChartLabel(new Float32Array(0))).toBe("Loss per epoch: no epochs yet");
    const noTest = new Float32Array([0, 0.6, NaN, 10, 0.4, NaN]);
    expect(lossChartLabel(noTest)).toBe("Loss per epoch, epochs 0 to 10: training loss from 0.600 to 0.400 (grey line)");
  });
});
