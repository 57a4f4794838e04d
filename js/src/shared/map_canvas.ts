// A map shown on a canvas at its own resolution (24² for a node, 100² for the output),
// stretched to its on-screen size by CSS and smoothed by the browser, as the original does. Each
// frame then moves and composites the map's own pixels: a canvas at the screen's resolution
// cost the largest network a third of its frames (the scaling, and copying every device pixel
// to the compositor).

import { type Binary, readBytes } from "./binary";
import { mapToRgba } from "./colors";

export class MapCanvas {
  readonly canvas = document.createElement("canvas");
  private image: ImageData | null = null;

  constructor(className: string) {
    this.canvas.className = className;
    this.canvas.setAttribute("aria-hidden", "true");
  }

  /**
   * Shows a map of resolution² bytes coloured by `lut`; false (and nothing shown) if `map` holds
   * another number of bytes.
   */
  show(map: Binary | null | undefined, resolution: number, lut: Uint8ClampedArray): boolean {
    const bytes = readBytes(map);
    if (resolution === 0 || bytes.length !== resolution * resolution) {
      this.clear();
      return false;
    }
    this.paint(resolution, (pixels) => mapToRgba(bytes, lut, pixels));
    return true;
  }

  /** Shows a map of resolution² pixels whose RGBA bytes `fill` writes. */
  paint(resolution: number, fill: (pixels: Uint8ClampedArray) => void): void {
    if (resolution === 0) return this.clear();
    if (this.image?.width !== resolution) {
      this.image = new ImageData(resolution, resolution);
      this.canvas.width = this.canvas.height = resolution;
    }
    fill(this.image.data);
    this.canvas.getContext("2d")?.putImageData(this.image, 0, 0);
  }

  /** Shows nothing until the next map. */
  clear(): void {
    this.canvas.getContext("2d")?.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }
}
