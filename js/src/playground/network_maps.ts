// Every node's map in the diagram, each on its own canvas under its node frame, as in the
// original: the inputs' from `_feature_maps` (loaded when they change), the neurons' from `_maps`
// (each frame).

import { type Binary, readBytes } from "../shared/binary";
import { MapCanvas } from "../shared/map_canvas";
import { html } from "./dom";
import { type NodePlace, NODE_SIZE } from "./layout";

/** An input switched off is drawn faintly, as in the original. */
const OFF_OPACITY = "0.4";

export interface MapSlot {
  place: NodePlace;
  /** Index into the feature maps (inputs) or the neuron maps (others). */
  index: number;
  feature: boolean;
  on: boolean;
}

export class NetworkMaps {
  readonly element = html("div", "nnw-pg-net-maps");
  private slots: { slot: MapSlot; map: MapCanvas }[] = [];
  /** Canvases made so far, reused from one shape to the next: making 55 took a new shape's first
   * frame of the largest network tens of ms. */
  private readonly canvases: MapCanvas[] = [];

  /** One canvas per node of the diagram just laid out. */
  setSlots(slots: MapSlot[]): void {
    while (this.canvases.length < slots.length) this.canvases.push(new MapCanvas("nnw-pg-node-map"));
    this.slots = slots.map((slot, k) => {
      const map = this.canvases[k];
      Object.assign(map.canvas.style, {
        left: `${slot.place.cx - NODE_SIZE / 2}px`,
        top: `${slot.place.cy - NODE_SIZE / 2}px`,
        width: `${NODE_SIZE}px`,
        height: `${NODE_SIZE}px`,
        opacity: slot.on ? "" : OFF_OPACITY,
      });
      return { slot, map };
    });
    this.element.replaceChildren(...this.slots.map(({ map }) => map.canvas));
  }

  /** Loads `_feature_maps`, `count` maps of resolution² bytes. */
  loadFeatures(maps: Binary | null | undefined, resolution: number, count: number, lut: Uint8ClampedArray): void {
    this.load(true, maps, resolution, count, () => lut);
  }

  /** Loads `_maps`; `lutOf(k)` colours map k (output neurons of classes have their own scales). */
  loadNeurons(
    maps: Binary | null | undefined,
    resolution: number,
    count: number,
    lutOf: (index: number) => Uint8ClampedArray,
  ): void {
    this.load(false, maps, resolution, count, lutOf);
  }

  private load(
    feature: boolean,
    maps: Binary | null | undefined,
    resolution: number,
    count: number,
    lutOf: (index: number) => Uint8ClampedArray,
  ): void {
    const cells = resolution * resolution;
    const bytes = readBytes(maps);
    // Bytes of another shape (a frame from before a change) show nothing until they fit.
    const whole = bytes.length === cells * count ? bytes : new Uint8Array(0);
    for (const { slot, map } of this.slots) {
      if (slot.feature !== feature) continue;
      const start = slot.index * cells;
      map.show(whole.subarray(start, start + cells), resolution, lutOf(slot.index));
    }
  }
}
