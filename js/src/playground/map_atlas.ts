// Many same-sized quantised maps (as `_maps` and `_feature_maps` hold them, back to back) turned
// into one image at their own resolution, from which each is drawn scaled: one putImageData a
// frame for all neurons instead of one per neuron.

import { type Binary, readBytes } from "../shared/binary";
import { mapToRgba } from "../shared/colors";

export class MapAtlas {
  readonly source = document.createElement("canvas");
  private image: ImageData | null = null;
  resolution = 0;
  count = 0;

  /**
   * Loads `count` maps of resolution² bytes, map k coloured by `lutOf(k)`; false (and nothing
   * shown) if the bytes differ.
   */
  load(
    maps: Binary | null | undefined,
    resolution: number,
    count: number,
    lutOf: (index: number) => Uint8ClampedArray,
  ): boolean {
    const cells = resolution * resolution;
    const bytes = readBytes(maps);
    if (!maps || bytes.length !== cells * count) {
      this.clear();
      return false;
    }
    this.paint(resolution, count, (pixels) => {
      for (let k = 0; k < count; k++) {
        const map = bytes.subarray(k * cells, (k + 1) * cells);
        mapToRgba(map, lutOf(k), pixels.subarray(k * cells * 4, (k + 1) * cells * 4));
      }
    });
    return true;
  }

  /** Loads `count` maps whose RGBA pixels `fill` writes (resolution² pixels each, back to back). */
  paint(resolution: number, count: number, fill: (pixels: Uint8ClampedArray) => void): void {
    if (resolution === 0 || count === 0) return this.clear();
    if (this.image?.width !== resolution || this.image.height !== resolution * count) {
      this.image = new ImageData(resolution, resolution * count);
      this.source.width = resolution;
      this.source.height = resolution * count;
    }
    fill(this.image.data);
    this.source.getContext("2d")?.putImageData(this.image, 0, 0);
    this.resolution = resolution;
    this.count = count;
  }

  /** Draws map `index` into the square at (x, y) of side `size` (smoothly scaled). */
  draw(context: CanvasRenderingContext2D, index: number, x: number, y: number, size: number): void {
    if (index < 0 || index >= this.count) return;
    const r = this.resolution;
    context.drawImage(this.source, 0, index * r, r, r, x, y, size, size);
  }

  /** Shows nothing until the next load. */
  clear(): void {
    this.count = 0;
  }
}
