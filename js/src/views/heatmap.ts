// A canvas that shows a quantised G×G map, scaled smoothly to its on-screen size at the
// screen's full resolution. Drawing happens once per animation frame, with the latest map only.

import { type Binary, readBytes } from "../shared/binary";
import { mapToRgba, PLAYGROUND_LUT } from "../shared/colors";
import { HiDpiCanvas } from "../shared/hidpi_canvas";

export class Heatmap {
  // Sized to the screen's pixels by HiDpiCanvas; the map is scaled onto it smoothly.
  private readonly surface = new HiDpiCanvas("nnw-heatmap", () => this.draw());
  readonly canvas = this.surface.canvas;
  // The map at its own resolution; putImageData cannot scale, drawImage from here does.
  private readonly source = document.createElement("canvas");
  private image: ImageData | null = null;
  private map: Uint8Array | null = null;
  private resolution = 0;
  private frameRequest = 0;

  constructor(parent: HTMLElement) {
    Object.assign(this.canvas.style, { display: "block", aspectRatio: "1 / 1", height: "auto" });
    parent.append(this.canvas);
  }

  /** Shows `map` (resolution² bytes) from the next animation frame on; later calls win. */
  show(map: Binary | null | undefined, resolution: number): void {
    this.map = map == null ? null : readBytes(map);
    this.resolution = resolution;
    if (!this.frameRequest) {
      this.frameRequest = requestAnimationFrame(() => {
        this.frameRequest = 0;
        this.draw();
      });
    }
  }

  /** Width and height in CSS pixels; narrower containers shrink the map to fit. */
  setSize(cssPixels: number): void {
    this.canvas.style.width = `min(100%, ${cssPixels}px)`;
  }

  destroy(): void {
    cancelAnimationFrame(this.frameRequest);
    this.surface.destroy();
  }

  private draw(): void {
    const context = this.surface.context();
    if (!context || !this.map) return;
    const size = this.resolution;
    if (size === 0) {
      context.clearRect(0, 0, this.surface.width, this.surface.height);
      return;
    }
    if (this.map.byteLength !== size * size) {
      throw new Error(`heatmap: got ${this.map.byteLength} bytes for a ${size}×${size} map`);
    }
    if (this.image?.width !== size) {
      this.image = new ImageData(size, size);
      this.source.width = this.source.height = size;
    }
    mapToRgba(this.map, PLAYGROUND_LUT, this.image.data);
    this.source.getContext("2d")?.putImageData(this.image, 0, 0);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = "high";
    context.drawImage(this.source, 0, 0, this.surface.width, this.surface.height);
  }
}
