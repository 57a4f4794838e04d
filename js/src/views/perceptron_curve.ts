// The Perceptron's second plot: f's curve over the net inputs seen, each point at its z, and
// the probe's operating point with guides to both axes.

import { drawActivationCurve } from "./activation_curve";
import { font, type Theme } from "./kit";
import { activate, curveDomain } from "./perceptron_maths";
import { CLASS_COLORS, drawProbe } from "./perceptron_marks";
import { probeZ, type Reading, zOf } from "./perceptron_state";

const SHORT_NAMES = { step: "step", sigmoid: "sigmoid", relu: "ReLU", tanh: "tanh", linear: "linear" } as const;

export function paintCurve(
  context: CanvasRenderingContext2D,
  theme: Theme,
  reading: Reading,
  width: number,
  height: number,
): void {
  const f = reading.activation;
  const n = reading.count;
  const zs = Array.from({ length: n }, (_, k) => zOf(reading, k));
  const zp = probeZ(reading);
  const domain = curveDomain([...zs, zp]);
  const box = { left: 38, top: 22, right: width - 8, bottom: height - 34 };
  const axes = drawActivationCurve(context, theme, f, domain, box, { labels: { x: "z = w·x + b" } });
  context.save();
  context.fillStyle = theme.soft;
  context.font = font(theme, 11);
  context.textAlign = "left";
  context.textBaseline = "top";
  context.fillText(`y = ${SHORT_NAMES[f]}(z)`, box.left, 4);
  context.beginPath();
  context.rect(box.left - 6, box.top - 6, box.right - box.left + 12, box.bottom - box.top + 12);
  context.clip();
  context.globalAlpha = 0.75;
  for (let k = 0; k < n; k++) {
    context.beginPath();
    context.arc(axes.x(zs[k]), axes.y(activate(f, zs[k])), 3, 0, 2 * Math.PI);
    context.fillStyle = CLASS_COLORS[reading.labels[k]];
    context.fill();
  }
  context.globalAlpha = 1;
  const px = axes.x(zp);
  const py = axes.y(activate(f, zp));
  context.setLineDash([3, 3]);
  context.strokeStyle = theme.label;
  context.lineWidth = 1;
  context.beginPath();
  context.moveTo(px, box.bottom);
  context.lineTo(px, py);
  context.lineTo(box.left, py);
  context.stroke();
  context.setLineDash([]);
  drawProbe(context, theme, px, py);
  context.restore();
}
