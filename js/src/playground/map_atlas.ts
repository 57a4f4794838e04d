// Many same-sized quantised maps (as `_maps` and `_feature_maps` hold them, back to back) turned
// into one image at their own resolution, from which each is drawn scaled: one putImageData a
// frame for all neurons instead of one per neuron.

import { mapToRgba } from "../colors";

export class MapAtlas {
  readonly source = document.createElement("canvas");
  private image: ImageData | null = null;
  resolution = 0;
  count = 0;

  /** Loads `count` maps of resolution² bytes; false (and nothing shown) if the bytes differ. */
  load(maps: DataView | null | undefined, resolution: number, count: number, lut: Uint8ClampedArray): boolean {
    const cells = resolution * resolution;
    if (!maps || cells === 0 || count === 0 || maps.byteLength !== cells * count) {
      this.count = 0;
      return false;
    }
    if (this.image?.width !== resolution || this.image.height !== resolution * count) {
      this.image = new ImageData(resolution, resolution * count);
      this.source.width = resolution;
      this.source.height = resolution * count;
    }
    mapToRgba(maps, lut, this.image.data);
    this.source.getContext("2d")?.putImageData(this.image, 0, 0);
    this.resolution = resolution;
    this.count = count;
    return true;
  }

  /** Draws map `index` into the square at (x, y) of side `size` (smoothly scaled). */
  draw(context: CanvasRenderingContext2D, index: number, x: number, y: number, size: number): void {
    if (index < 0 || index >= this.count) return;
    const r = this.resolution;
    context.drawImage(this.source, 0, index * r, r, r, x, y, size, size);
  }
}
