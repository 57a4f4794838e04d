// Drawing one frame of the TransformView: the stages around its position interpolated, then the
// grid over the input square, the decision line (or plane), the points and î, ĵ. 2-D stages are
// drawn flat with axes; a transition that touches a 3-unit stage in a turnable cube. Nothing is
// allocated per frame: the rows and screen positions live in Stages' buffers.

import { drawFrame, makeAxes } from "./axes";
import { font, type Theme } from "./kit";
import { type Angles, cubeEdges } from "./projection";
import { classColors, niceTicks } from "./scales";
import { interpolateInto, lineInSquare, type Fit, mixFit, project2Into, project3Into, stageSpan } from "./transform_math";
import type { Stages } from "./transform_stages";

export const I_COLOR = "#d62728";
export const J_COLOR = "#2ca02c";

type Decision = { w: number[]; b: number };

export class TransformPainter {
  private readonly fit: Fit = { cx: 0, cy: 0, cz: 0, half: 1 };
  private readonly corner = new Float32Array(3);
  private readonly cornerX = new Float32Array(1);
  private readonly cornerY = new Float32Array(1);

  /** `angles()`: how the 3-D view is turned now. */
  constructor(
    private readonly data: Stages,
    private readonly angles: () => Angles,
  ) {}

  /** Draws the view at `position` (a float between stages) with `classes` class colours. */
  paint(
    context: CanvasRenderingContext2D,
    theme: Theme,
    width: number,
    height: number,
    position: number,
    classes: number,
  ): void {
    const { data, fit } = this;
    const entries = data.entries;
    if (!data.rows.length || data.count === 0) return;
    const { from, to, t } = stageSpan(position, data.rows.length);
    interpolateInto(data.current, data.rows[from], data.rows[to], t);
    mixFit(data.fits[from], data.fits[to], t, fit);
    const is3d = entries[from].dims === 3 || (t > 0 && entries[to].dims === 3);
    const decisionAlpha = (entries[from].decision ? 1 - t : 0) + (entries[to].decision && to !== from ? t : 0);
    const decision =
      entries[to].decision && t >= 0.5 ? entries[to].decision : (entries[from].decision ?? entries[to].decision);
    let size: number;
    let ox: number;
    let oy: number;
    if (is3d) {
      size = Math.min(width, height) * 0.9;
      ox = width / 2;
      oy = height / 2;
      this.drawCube(context, theme, width, height);
      project3Into(data.current, data.count, fit, this.angles(), ox, oy, size, data.screenX, data.screenY);
    } else {
      const box = { left: 44, top: 8, right: width - 8, bottom: height - 34 };
      size = Math.min(box.right - box.left, box.bottom - box.top);
      ox = (box.left + box.right) / 2;
      oy = (box.top + box.bottom) / 2;
      const half = (fit.half * (box.right - box.left)) / size;
      const halfY = (fit.half * (box.bottom - box.top)) / size;
      const xRange = { lo: fit.cx - half, hi: fit.cx + half };
      const yRange = { lo: fit.cy - halfY, hi: fit.cy + halfY };
      const entry = entries[t > 0.5 ? to : from];
      const names = entry.layer === null ? ["x1", "x2"] : entry.units.map((u) => `unit ${u + 1}`);
      const axes = makeAxes(box, xRange, yRange);
      const xTicks = niceTicks(xRange.lo, xRange.hi, 6);
      drawFrame(context, theme, box, axes, xTicks, niceTicks(yRange.lo, yRange.hi, 6), { x: names[0], y: names[1] ?? "" });
      project2Into(data.current, data.count, fit, ox, oy, size, data.screenX, data.screenY);
      context.save();
      context.beginPath();
      context.rect(box.left, box.top, box.right - box.left, box.bottom - box.top);
      context.clip();
    }
    this.drawGrid(context, theme);
    if (decision && decisionAlpha > 0.01) this.drawDecision(context, theme, decision, decisionAlpha, is3d, ox, oy, size);
    this.drawPoints(context, theme, classes);
    this.drawBasis(context);
    if (!is3d) context.restore();
  }

  private drawGrid(context: CanvasRenderingContext2D, theme: Theme): void {
    const { screenX, screenY } = this.data;
    const G = this.data.index.grid;
    context.lineWidth = 0.7;
    context.strokeStyle = theme.dark ? "rgba(200, 200, 200, 0.32)" : "rgba(70, 90, 110, 0.32)";
    context.beginPath();
    for (let r = 0; r < G; r++) {
      context.moveTo(screenX[r * G], screenY[r * G]);
      for (let c = 1; c < G; c++) context.lineTo(screenX[r * G + c], screenY[r * G + c]);
    }
    for (let c = 0; c < G; c++) {
      context.moveTo(screenX[c], screenY[c]);
      for (let r = 1; r < G; r++) context.lineTo(screenX[r * G + c], screenY[r * G + c]);
    }
    context.stroke();
    // The square's border, stronger: its corners show where the input square went.
    context.lineWidth = 1.4;
    context.strokeStyle = theme.dark ? "rgba(220, 220, 220, 0.7)" : "rgba(60, 70, 80, 0.7)";
    context.beginPath();
    const last = G - 1;
    const walk = (k: number, first: boolean) =>
      first ? context.moveTo(screenX[k], screenY[k]) : context.lineTo(screenX[k], screenY[k]);
    for (let c = 0; c <= last; c++) walk(c, c === 0);
    for (let r = 1; r <= last; r++) walk(r * G + last, false);
    for (let c = last - 1; c >= 0; c--) walk(last * G + c, false);
    for (let r = last - 1; r >= 0; r--) walk(r * G, false);
    context.stroke();
  }

  private drawPoints(context: CanvasRenderingContext2D, theme: Theme, classes: number): void {
    const { index, labels, screenX, screenY } = this.data;
    const start = index.grid * index.grid + index.basis;
    const n = Math.min(index.points, labels.length);
    if (n === 0) return;
    const colors = classColors(Math.max(2, classes));
    const radius = n > 1000 ? 2.2 : 3;
    context.lineWidth = 0.8;
    context.strokeStyle = theme.surface;
    for (let cls = 0; cls < colors.length; cls++) {
      context.fillStyle = colors[cls];
      context.beginPath();
      let any = false;
      for (let k = 0; k < n; k++) {
        if (labels[k] % colors.length !== cls) continue;
        const x = screenX[start + k];
        const y = screenY[start + k];
        context.moveTo(x + radius, y);
        context.arc(x, y, radius, 0, 2 * Math.PI);
        any = true;
      }
      if (!any) continue;
      context.fill();
      context.stroke();
    }
  }

  private drawBasis(context: CanvasRenderingContext2D): void {
    const { screenX, screenY } = this.data;
    const o = this.data.index.grid * this.data.index.grid;
    drawArrow(context, screenX[o], screenY[o], screenX[o + 1], screenY[o + 1], I_COLOR);
    drawArrow(context, screenX[o], screenY[o], screenX[o + 2], screenY[o + 2], J_COLOR);
  }

  private projectOne(x: number, y: number, z: number, is3d: boolean, ox: number, oy: number, size: number): [number, number] {
    const { corner, cornerX, cornerY, fit } = this;
    corner[0] = x;
    corner[1] = y;
    corner[2] = z;
    if (is3d) project3Into(corner, 1, fit, this.angles(), ox, oy, size, cornerX, cornerY);
    else project2Into(corner, 1, fit, ox, oy, size, cornerX, cornerY);
    return [cornerX[0], cornerY[0]];
  }

  private drawDecision(
    context: CanvasRenderingContext2D,
    theme: Theme,
    decision: Decision,
    alpha: number,
    is3d: boolean,
    ox: number,
    oy: number,
    size: number,
  ): void {
    const { fit } = this;
    context.save();
    context.globalAlpha = Math.min(1, alpha);
    context.strokeStyle = theme.text;
    context.lineWidth = 2;
    context.setLineDash([7, 4]);
    if (!is3d || decision.w.length < 3) {
      const segment = lineInSquare(decision.w, decision.b, fit.cx, fit.cy, fit.half * 2);
      if (segment) {
        const [ax, ay] = this.projectOne(segment[0], segment[1], 0, is3d, ox, oy, size);
        const [bx, by] = this.projectOne(segment[2], segment[3], 0, is3d, ox, oy, size);
        context.beginPath();
        context.moveTo(ax, ay);
        context.lineTo(bx, by);
        context.stroke();
      }
    } else {
      this.drawPlane(context, theme, decision, ox, oy, size);
    }
    context.restore();
  }

  /** The plane w·h + b = 0 inside the view's cube: its outline, lightly filled. */
  private drawPlane(context: CanvasRenderingContext2D, theme: Theme, decision: Decision, ox: number, oy: number, size: number): void {
    const [w0, w1, w2] = decision.w;
    const { fit } = this;
    const c = [fit.cx, fit.cy, fit.cz];
    const h = fit.half;
    const hits: [number, number, number][] = [];
    for (const [a, b] of cubeEdges()) {
      const pa = a.map((v, k) => c[k] + v * h);
      const pb = b.map((v, k) => c[k] + v * h);
      const fa = w0 * pa[0] + w1 * pa[1] + w2 * pa[2] + decision.b;
      const fb = w0 * pb[0] + w1 * pb[1] + w2 * pb[2] + decision.b;
      if (fa === fb || fa * fb > 0) continue;
      const s = fa / (fa - fb);
      hits.push([pa[0] + (pb[0] - pa[0]) * s, pa[1] + (pb[1] - pa[1]) * s, pa[2] + (pb[2] - pa[2]) * s]);
    }
    if (hits.length < 3) return;
    const screen = hits.map(([x, y, z]) => this.projectOne(x, y, z, true, ox, oy, size));
    const mx = screen.reduce((sum, p) => sum + p[0], 0) / screen.length;
    const my = screen.reduce((sum, p) => sum + p[1], 0) / screen.length;
    screen.sort((p, q) => Math.atan2(p[1] - my, p[0] - mx) - Math.atan2(q[1] - my, q[0] - mx));
    context.beginPath();
    screen.forEach(([x, y], k) => (k === 0 ? context.moveTo(x, y) : context.lineTo(x, y)));
    context.closePath();
    context.fillStyle = theme.dark ? "rgba(255, 255, 255, 0.08)" : "rgba(0, 0, 0, 0.06)";
    context.fill();
    context.stroke();
  }

  private drawCube(context: CanvasRenderingContext2D, theme: Theme, width: number, height: number): void {
    const { fit } = this;
    const size = Math.min(width, height) * 0.9;
    const ox = width / 2;
    const oy = height / 2;
    const at = (p: readonly number[]) =>
      this.projectOne(fit.cx + p[0] * fit.half, fit.cy + p[1] * fit.half, fit.cz + p[2] * fit.half, true, ox, oy, size);
    context.save();
    context.lineWidth = 1;
    context.strokeStyle = theme.line;
    context.beginPath();
    for (const [a, b] of cubeEdges()) {
      const [x0, y0] = at(a);
      const [x1, y1] = at(b);
      context.moveTo(x0, y0);
      context.lineTo(x1, y1);
    }
    context.stroke();
    // The unit axes through the origin, labelled.
    context.strokeStyle = theme.strong;
    context.fillStyle = theme.soft;
    context.font = font(theme, 11);
    context.textAlign = "center";
    context.textBaseline = "middle";
    const [zx, zy] = this.projectOne(0, 0, 0, true, ox, oy, size);
    for (let axis = 0; axis < 3; axis++) {
      const end = [0, 0, 0];
      end[axis] = fit.half * 0.9 + [fit.cx, fit.cy, fit.cz][axis];
      const [ex, ey] = this.projectOne(end[0], end[1], end[2], true, ox, oy, size);
      context.beginPath();
      context.moveTo(zx, zy);
      context.lineTo(ex, ey);
      context.stroke();
      context.fillText(`unit ${axis + 1}`, ex + (ex - zx) * 0.08, ey + (ey - zy) * 0.08);
    }
    context.restore();
  }
}

function drawArrow(context: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, color: string): void {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length = Math.hypot(dx, dy);
  context.strokeStyle = color;
  context.fillStyle = color;
  context.lineWidth = 2.5;
  context.beginPath();
  context.moveTo(x0, y0);
  context.lineTo(x1, y1);
  context.stroke();
  if (length < 2) return;
  const head = Math.min(10, length * 0.4);
  const ux = dx / length;
  const uy = dy / length;
  context.beginPath();
  context.moveTo(x1 + ux * 2, y1 + uy * 2);
  context.lineTo(x1 - ux * head - uy * head * 0.5, y1 - uy * head + ux * head * 0.5);
  context.lineTo(x1 - ux * head + uy * head * 0.5, y1 - uy * head - ux * head * 0.5);
  context.closePath();
  context.fill();
}
