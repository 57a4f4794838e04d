// Every node's map in the diagram, painted on one canvas under the node frames: the inputs'
// from `_feature_maps` (loaded when they change), the neurons' from `_maps` (each frame).

import type { Binary } from "../shared/binary";
import { HiDpiCanvas } from "../shared/hidpi_canvas";
import { type NodePlace, NODE_SIZE } from "./layout";
import { MapAtlas } from "./map_atlas";

/** An input switched off is drawn faintly, as in the original. */
const OFF_OPACITY = 0.4;

export interface MapSlot {
  place: NodePlace;
  /** Index into the feature maps (inputs) or the neuron maps (others). */
  index: number;
  feature: boolean;
  on: boolean;
}

export class NetworkMaps {
  readonly canvas = new HiDpiCanvas("nnw-pg-net-canvas", () => this.draw());
  private readonly features = new MapAtlas();
  private readonly neurons = new MapAtlas();
  slots: MapSlot[] = [];

  loadFeatures(maps: Binary | null | undefined, resolution: number, count: number, lut: Uint8ClampedArray): void {
    this.features.load(maps, resolution, count, () => lut);
  }

  /** Loads `_maps`; `lutOf(k)` colours map k (output neurons of classes have their own scales). */
  loadNeurons(
    maps: Binary | null | undefined,
    resolution: number,
    count: number,
    lutOf: (index: number) => Uint8ClampedArray,
  ): void {
    this.neurons.load(maps, resolution, count, lutOf);
  }

  setSize(width: number, height: number): void {
    Object.assign(this.canvas.canvas.style, { width: `${width}px`, height: `${height}px` });
  }

  draw(): void {
    const context = this.canvas.context();
    if (!context) return;
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = "high";
    for (const { place, index, feature, on } of this.slots) {
      context.globalAlpha = on ? 1 : OFF_OPACITY;
      const atlas = feature ? this.features : this.neurons;
      atlas.draw(context, index, place.cx - NODE_SIZE / 2, place.cy - NODE_SIZE / 2, NODE_SIZE);
    }
    context.globalAlpha = 1;
  }

  destroy(): void {
    this.canvas.destroy();
  }
}
