// A canvas that shows a quantised G×G map, scaled smoothly to its on-screen size at the
// screen's full resolution. Drawing happens once per animation frame, with the latest map only.

import { mapToRgba, PLAYGROUND_LUT } from "./colors";

export class Heatmap {
  readonly canvas = document.createElement("canvas");
  // The map at its own resolution; putImageData cannot scale, drawImage from here does.
  private readonly source = document.createElement("canvas");
  private image: ImageData | null = null;
  private map: DataView | null = null;
  private resolution = 0;
  private frameRequest = 0;
  private readonly resizeObserver = new ResizeObserver((entries) => this.fitBackingStore(entries));

  constructor(parent: HTMLElement) {
    this.canvas.className = "nnw-heatmap";
    Object.assign(this.canvas.style, { display: "block", aspectRatio: "1 / 1", height: "auto" });
    parent.append(this.canvas);
    try {
      // Reports exact device pixels, and fires again when the zoom or screen changes them.
      this.resizeObserver.observe(this.canvas, { box: "device-pixel-content-box" });
    } catch {
      this.resizeObserver.observe(this.canvas); // Safari lacks that box
    }
  }

  /** Shows `map` (resolution² bytes) from the next animation frame on; later calls win. */
  show(map: DataView, resolution: number): void {
    this.map = map;
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
    this.resizeObserver.disconnect();
    this.canvas.remove();
  }

  private fitBackingStore(entries: ResizeObserverEntry[]): void {
    const entry = entries[entries.length - 1];
    // Chromium under an emulated device scale factor (as in tests) reports CSS pixels in
    // devicePixelContentBoxSize; elsewhere the two agree to a pixel. The larger is right in both.
    const devicePixels = entry.devicePixelContentBoxSize?.[0];
    const width = Math.max(
      devicePixels?.inlineSize ?? 0,
      Math.round(entry.contentRect.width * devicePixelRatio),
    );
    const height = Math.max(
      devicePixels?.blockSize ?? 0,
      Math.round(entry.contentRect.height * devicePixelRatio),
    );
    if (this.canvas.width === width && this.canvas.height === height) return;
    // Resizing clears the canvas; redraw before this frame paints so it never flashes blank.
    this.canvas.width = width;
    this.canvas.height = height;
    this.draw();
  }

  private draw(): void {
    const context = this.canvas.getContext("2d");
    if (!context || !this.map) return;
    const size = this.resolution;
    if (size === 0) {
      context.clearRect(0, 0, this.canvas.width, this.canvas.height);
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
    context.drawImage(this.source, 0, 0, this.canvas.width, this.canvas.height);
  }
}
