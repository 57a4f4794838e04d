// A canvas whose backing store follows its on-screen size at the screen's full resolution, so
// what is drawn on it stays sharp on high-DPI screens. Drawing is in CSS pixels.

export class HiDpiCanvas {
  readonly canvas = document.createElement("canvas");
  /** On-screen size in CSS pixels. */
  width = 0;
  height = 0;
  private readonly observer: ResizeObserver;

  /** `redraw` runs whenever a resize has cleared the canvas. */
  constructor(className: string, private readonly redraw: () => void) {
    this.canvas.className = className;
    this.canvas.setAttribute("aria-hidden", "true");
    this.observer = new ResizeObserver((entries) => this.fit(entries[entries.length - 1]));
    try {
      // Reports exact device pixels, and fires again when the zoom or screen changes them.
      this.observer.observe(this.canvas, { box: "device-pixel-content-box" });
    } catch {
      this.observer.observe(this.canvas); // Safari lacks that box
    }
  }

  /** A 2-D context scaled so that one unit is one CSS pixel. */
  context(): CanvasRenderingContext2D | null {
    const context = this.canvas.getContext("2d");
    if (!context || this.width === 0) return null;
    context.setTransform(this.canvas.width / this.width, 0, 0, this.canvas.height / this.height, 0, 0);
    return context;
  }

  destroy(): void {
    this.observer.disconnect();
    this.canvas.remove();
  }

  private fit(entry: ResizeObserverEntry): void {
    const { width, height } = entry.contentRect;
    // Chromium under an emulated device scale factor (as in tests) reports CSS pixels in
    // devicePixelContentBoxSize; elsewhere the two agree to a pixel. The larger is right in both.
    const devicePixels = entry.devicePixelContentBoxSize?.[0];
    const backingWidth = Math.max(devicePixels?.inlineSize ?? 0, Math.round(width * devicePixelRatio));
    const backingHeight = Math.max(devicePixels?.blockSize ?? 0, Math.round(height * devicePixelRatio));
    this.width = width;
    this.height = height;
    if (this.canvas.width === backingWidth && this.canvas.height === backingHeight) return;
    this.canvas.width = backingWidth;
    this.canvas.height = backingHeight;
    // Resizing cleared the canvas; redraw before this frame paints so it never flashes blank.
    this.redraw();
  }
}
