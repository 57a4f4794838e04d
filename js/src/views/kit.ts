// What the views share (every view in this folder but NeuronMap, which draws a bare heatmap):
// their look (one stylesheet adopted by the view's root, the host's theme, classes `nnw-v-`;
// the Sweep and ClassOverview add their own rules), the theme's colours for canvas drawing, and
// a canvas that repaints once per animation frame.

import { HiDpiCanvas } from "../shared/hidpi_canvas";
import { HOST_THEME, inDarkHost } from "../shared/host_theme";
import { adoptStyles, type Stylesheet } from "../shared/styles";
import { isDarkTheme } from "../shared/theme";

const CSS = /* css */ `
.nnw-v {
  --nnw-v-font: var(--nnw-host-font);
  --nnw-v-surface: var(--nnw-host-surface);
  --nnw-v-text: var(--nnw-host-text);
  --nnw-v-text-soft: var(--nnw-host-text-soft);
  --nnw-v-label: var(--nnw-host-label);
  --nnw-v-line: var(--nnw-host-line);
  --nnw-v-line-strong: var(--nnw-host-line-strong);
  --nnw-v-accent: #0877bd;
  --nnw-v-focus: var(--nnw-host-focus);
  --nnw-v-bar: rgba(128, 128, 128, 0.18);
  box-sizing: border-box;
  display: flex; flex-direction: column; gap: 10px;
  max-width: 100%;
  padding: 12px 14px;
  font-family: var(--nnw-v-font);
  font-size: 13px;
  color: var(--nnw-v-text);
  background: var(--nnw-v-surface);
  border: 1px solid var(--nnw-v-line);
  border-radius: 6px;
  -webkit-font-smoothing: antialiased;
}
${inDarkHost(".nnw-v")} { --nnw-v-accent: #3d9ad6; }
.nnw-v *, .nnw-v *::before, .nnw-v *::after { box-sizing: border-box; }
.nnw-v :focus-visible { outline: 2px solid var(--nnw-v-focus); outline-offset: 2px; }
@media (prefers-reduced-motion: reduce) {
  .nnw-v *, .nnw-v *::before, .nnw-v *::after { transition: none !important; animation: none !important; }
}
.nnw-v canvas { display: block; }
.nnw-v .nnw-v-title { margin: 0; font-size: 14px; font-weight: 500; line-height: 1.3; color: var(--nnw-v-text); }
.nnw-v .nnw-v-title .nnw-v-soft { font-weight: 400; color: var(--nnw-v-text-soft); }
.nnw-v .nnw-v-note { margin: 0; font-size: 12px; line-height: 1.35; color: var(--nnw-v-label); }
.nnw-v .nnw-v-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--nnw-v-text-soft); }
.nnw-v .nnw-v-legend span { display: inline-flex; align-items: center; gap: 5px; }
.nnw-v .nnw-v-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; }
.nnw-v .nnw-v-line-key { display: inline-block; width: 22px; height: 0; border-top: 2px solid var(--nnw-v-text-soft); }
.nnw-v .nnw-v-line-key.nnw-v-dashed { border-top-style: dashed; }

/* LivePlot */
.nnw-v-live { max-width: 980px; }
.nnw-v .nnw-v-progress { display: flex; align-items: center; gap: 12px; font-variant-numeric: tabular-nums; }
.nnw-v .nnw-v-progress-text { min-width: 112px; font-size: 14px; font-weight: 500; white-space: nowrap; }
.nnw-v .nnw-v-progress-bar { flex: 1; height: 6px; border-radius: 3px; background: var(--nnw-v-bar); overflow: hidden; }
.nnw-v .nnw-v-progress-fill { height: 100%; width: 0; background: var(--nnw-v-accent); transition: width 0.12s linear; }
.nnw-v .nnw-v-elapsed { min-width: 72px; text-align: right; font-size: 12px; color: var(--nnw-v-label); white-space: nowrap; }
.nnw-v .nnw-v-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 12px 18px; }
.nnw-v .nnw-v-chart { min-width: 0; }
.nnw-v .nnw-v-chart-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; margin-bottom: 2px; }
.nnw-v .nnw-v-chart-title { font-size: 13px; font-weight: 500; font-family: var(--nnw-host-code-font); }
.nnw-v .nnw-v-chart-last { font-size: 11px; color: var(--nnw-v-label); font-variant-numeric: tabular-nums; white-space: nowrap; }
.nnw-v .nnw-v-chart canvas { width: 100%; height: 170px; }
.nnw-v .nnw-v-finding { margin: 0; padding: 6px 10px; border-left: 3px solid #f59322; background: rgba(245, 147, 34, 0.12); line-height: 1.4; }

/* ActivationView */
.nnw-v-activation { width: fit-content; }
.nnw-v .nnw-v-scatter { touch-action: none; }
.nnw-v .nnw-v-scatter.nnw-v-rotatable { cursor: grab; }
.nnw-v .nnw-v-scatter.nnw-v-rotatable:active { cursor: grabbing; }
.nnw-v .nnw-v-replay { display: flex; align-items: center; gap: 10px; font-size: 12px; color: var(--nnw-v-label); }
.nnw-v .nnw-v-replay input { flex: 1; min-width: 80px; accent-color: var(--nnw-v-accent); cursor: pointer; }
.nnw-v .nnw-v-replay output { min-width: 64px; text-align: right; color: var(--nnw-v-text); font-variant-numeric: tabular-nums; }

/* TransformView */
.nnw-v-transform { width: fit-content; }
.nnw-v .nnw-v-stage-label { display: flex; flex: 1; align-items: center; gap: 10px; }
.nnw-v .nnw-v-play {
  min-width: 64px; padding: 3px 10px; font: inherit; font-size: 12px; color: var(--nnw-v-text);
  background: transparent; border: 1px solid var(--nnw-v-line-strong); border-radius: 4px; cursor: pointer;
}
.nnw-v .nnw-v-play:hover { border-color: var(--nnw-v-accent); }

/* NetworkDiagram */
.nnw-v-diagram { max-width: 980px; }
.nnw-v .nnw-v-diagram-canvas { width: 100%; }

/* WeightImages */
.nnw-v-weights { max-width: 980px; }
.nnw-v .nnw-v-weights-canvas { width: 100%; }
.nnw-v .nnw-v-gradient {
  display: inline-block; width: 120px; height: 10px; border-radius: 2px; vertical-align: middle;
  background: linear-gradient(to right, #f59322, #e8eaeb, #0877bd);
}

/* Perceptron */
.nnw-v-perceptron { width: fit-content; }
.nnw-v .nnw-v-formula {
  font-family: var(--nnw-host-code-font); font-size: 16px;
  color: var(--nnw-v-text); font-variant-numeric: tabular-nums; white-space: nowrap; overflow-x: auto;
}
.nnw-v .nnw-v-perceptron-plots { display: flex; flex-wrap: wrap; gap: 12px 16px; align-items: flex-start; }
.nnw-v .nnw-v-perceptron-main { touch-action: none; cursor: crosshair; }
.nnw-v .nnw-v-perceptron-controls {
  display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 6px 18px; max-width: 620px;
}
.nnw-v .nnw-v-slider { display: flex; align-items: center; gap: 8px; font-size: 12px; color: var(--nnw-v-label); }
.nnw-v .nnw-v-slider-name { min-width: 30px; font-family: var(--nnw-host-code-font); color: var(--nnw-v-text-soft); }
.nnw-v .nnw-v-slider input { flex: 1; min-width: 80px; accent-color: var(--nnw-v-accent); cursor: pointer; }
.nnw-v .nnw-v-slider output { min-width: 48px; text-align: right; color: var(--nnw-v-text); font-variant-numeric: tabular-nums; }
.nnw-v .nnw-v-select .nnw-v-slider-name { min-width: 0; font-family: var(--nnw-v-font); }
.nnw-v select {
  font: inherit; font-size: 12px; color: var(--nnw-v-text); background: var(--nnw-v-surface);
  border: 1px solid var(--nnw-v-line-strong); border-radius: 4px; padding: 2px 4px;
}
.nnw-v .nnw-v-operating { font-variant-numeric: tabular-nums; color: var(--nnw-v-text-soft); }

/* ActivationGallery */
.nnw-v-gallery { max-width: 1100px; }
.nnw-v .nnw-v-gallery-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px 14px; }
.nnw-v .nnw-v-gallery-card { margin: 0; padding: 6px 6px 2px; border: 1px solid var(--nnw-v-line); border-radius: 4px; min-width: 0; }
.nnw-v .nnw-v-gallery-card.nnw-v-highlight { border-color: var(--nnw-v-accent); box-shadow: 0 0 0 1px var(--nnw-v-accent); }
.nnw-v .nnw-v-gallery-card figcaption { display: flex; flex-direction: column; gap: 2px; margin-bottom: 4px; }
.nnw-v .nnw-v-gallery-name { font-size: 13px; font-weight: 500; }
.nnw-v .nnw-v-formula-small { font-family: var(--nnw-host-code-font); font-size: 11px; color: var(--nnw-v-text-soft); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.nnw-v .nnw-v-gallery-canvas { width: 100%; height: 130px; }
`;

const VIEW_STYLES: Stylesheet = { name: "views", css: CSS };

/** Styles the view in `el` with the views' sheet and a view's `own`; returns what undoes the wait. */
export function adoptViewStyles(el: HTMLElement, ...own: Stylesheet[]): () => void {
  return adoptStyles(el, HOST_THEME, VIEW_STYLES, ...own);
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = "",
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The theme's colours, resolved from the root's CSS variables (JupyterLab's when present). */
export interface Theme {
  surface: string;
  text: string;
  soft: string;
  label: string;
  line: string;
  strong: string;
  font: string;
  dark: boolean;
}

export function readTheme(root: HTMLElement): Theme {
  const style = getComputedStyle(root);
  const get = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    surface: get("--nnw-v-surface", "#fff"),
    text: get("--nnw-v-text", "#222"),
    soft: get("--nnw-v-text-soft", "#444"),
    label: get("--nnw-v-label", "#777"),
    line: get("--nnw-v-line", "#e0e0e0"),
    strong: get("--nnw-v-line-strong", "#bdbdbd"),
    font: get("--nnw-v-font", "sans-serif"),
    dark: isDarkTheme(),
  };
}

/**
 * A canvas at the screen's resolution, painted by `paint` (in CSS pixels, cleared first) in the
 * next animation frame after `invalidate`, and again whenever its size changes.
 */
export class Surface {
  private readonly hidpi: HiDpiCanvas;
  readonly canvas: HTMLCanvasElement;
  private request = 0;

  constructor(
    className: string,
    private readonly paint: (context: CanvasRenderingContext2D, width: number, height: number) => void,
  ) {
    this.hidpi = new HiDpiCanvas(className, () => this.drawNow());
    this.canvas = this.hidpi.canvas;
  }

  get width(): number {
    return this.hidpi.width;
  }

  invalidate(): void {
    if (this.request) return;
    this.request = requestAnimationFrame(() => {
      this.request = 0;
      this.drawNow();
    });
  }

  drawNow(): void {
    const context = this.hidpi.context();
    if (!context) return;
    context.clearRect(0, 0, this.hidpi.width, this.hidpi.height);
    try {
      this.paint(context, this.hidpi.width, this.hidpi.height);
    } catch (error) {
      console.error("nnwidgets: drawing failed", error);
    }
  }

  destroy(): void {
    cancelAnimationFrame(this.request);
    this.hidpi.destroy();
  }
}

/** Font shorthand for canvas text. */
export function font(theme: Theme, size: number, weight = 400): string {
  return `${weight} ${size}px ${theme.font}`;
}

/** A square plot `size` CSS pixels wide at most, narrower when the cell is (its card follows). */
export function sizeSquarePlot(canvas: HTMLCanvasElement, card: HTMLElement, size: number): void {
  canvas.style.width = `min(100%, ${size}px)`;
  canvas.style.aspectRatio = "1 / 1";
  canvas.style.height = "auto";
  card.style.maxWidth = `${size + 30}px`;
}
