// The Playground view's look, one stylesheet adopted by the view's root (shared/styles). Colours
// come from the host's theme (shared/host_theme), so the widget follows light and dark themes;
// every class is prefixed `nnw-pg-`.

import { inDarkHost } from "../shared/host_theme";
import type { Stylesheet } from "../shared/styles";

const CSS = /* css */ `
.nnw-pg {
  --nnw-pg-font: var(--nnw-host-font);
  --nnw-pg-surface: var(--nnw-host-surface);
  --nnw-pg-ground: #f7f7f7;
  --nnw-pg-ground: color-mix(in srgb, var(--nnw-host-surface-2) 45%, var(--nnw-host-surface));
  --nnw-pg-text: var(--nnw-host-text);
  --nnw-pg-text-soft: var(--nnw-host-text-soft);
  --nnw-pg-label: var(--nnw-host-label);
  /* A host's third text colour is often just short of WCAG's 4.5:1 on the grey ground (Voila's
     light theme: 4.49): drawn a little towards the main text, which contrasts in either theme. */
  --nnw-pg-label: color-mix(in srgb, var(--nnw-host-label) 85%, var(--nnw-host-text));
  --nnw-pg-line: var(--nnw-host-line);
  --nnw-pg-line-strong: var(--nnw-host-line-strong);
  --nnw-pg-accent: #183d4e;
  --nnw-pg-on-accent: #fff;
  --nnw-pg-focus: var(--nnw-host-focus);
  --nnw-pg-button: rgba(128, 128, 128, 0.12);
  --nnw-pg-button-hover: rgba(128, 128, 128, 0.26);
  --nnw-pg-node-border: var(--nnw-host-text);
  --nnw-pg-warn-bg: #fff4e5;
  --nnw-pg-warn-text: #8a4b00;
  --nnw-pg-warn-line: #f59322;
  container-type: inline-size;
  position: relative;
  box-sizing: border-box;
  max-width: 1220px;
  font-family: var(--nnw-pg-font);
  font-size: 13px;
  color: var(--nnw-pg-text);
  background: var(--nnw-pg-ground);
  border: 1px solid var(--nnw-pg-line);
  border-radius: 6px;
  overflow: hidden;
  /* A frame's changes stay inside the view: the host's page is not laid out or painted again,
     and each canvas is its own layer, so redrawing one repaints nothing around it. Without a GPU,
     this took the display from 45 to 57 frames a second while training (make bench). */
  contain: layout paint style;
  -webkit-font-smoothing: antialiased;
}
.nnw-pg canvas { will-change: transform; }
${inDarkHost(".nnw-pg")},
.nnw-pg.nnw-pg-dark {
  --nnw-pg-accent: #3d7ea0;
  --nnw-pg-node-border: var(--nnw-host-text-soft);
  --nnw-pg-warn-bg: #3a2a12;
  --nnw-pg-warn-text: #ffcf8f;
}
.nnw-pg *, .nnw-pg *::before, .nnw-pg *::after { box-sizing: border-box; }
.nnw-pg [hidden], .nnw-pg .nnw-pg-hidden { display: none !important; }
.nnw-pg button, .nnw-pg select, .nnw-pg input { font-family: inherit; }
.nnw-pg :focus-visible { outline: 2px solid var(--nnw-pg-focus); outline-offset: 2px; }
/* Fades and hover tweens are decoration; the links' flowing dashes stop in link_layer.ts. */
@media (prefers-reduced-motion: reduce) {
  .nnw-pg *, .nnw-pg *::before, .nnw-pg *::after { transition: none !important; animation: none !important; }
}

/* Round icon buttons, as Material's in the original */
.nnw-pg .nnw-pg-icon-button {
  display: inline-flex; align-items: center; justify-content: center; flex: none;
  width: 28px; height: 28px; padding: 0; border: none; border-radius: 50%;
  background: var(--nnw-pg-button); color: var(--nnw-pg-text-soft); cursor: pointer;
  transition: background-color 0.2s, color 0.2s;
}
.nnw-pg .nnw-pg-icon-button:hover:not(:disabled) { background: var(--nnw-pg-button-hover); color: var(--nnw-pg-text); }
.nnw-pg .nnw-pg-icon-button:disabled { opacity: 0.35; cursor: default; }
.nnw-pg .nnw-pg-icon-button svg { width: 20px; height: 20px; fill: currentColor; }
.nnw-pg .nnw-pg-icon-button.nnw-pg-small { width: 22px; height: 22px; }
.nnw-pg .nnw-pg-icon-button.nnw-pg-small svg { width: 16px; height: 16px; }

/* Top bar */
.nnw-pg .nnw-pg-top {
  display: flex; flex-wrap: wrap; align-items: flex-end; gap: 14px 26px;
  padding: 16px 22px 14px; background: var(--nnw-pg-surface);
  border-bottom: 1px solid var(--nnw-pg-line); box-shadow: 0 1px 4px rgba(0, 0, 0, 0.06);
}
.nnw-pg .nnw-pg-timeline { display: flex; align-items: center; gap: 10px; }
.nnw-pg .nnw-pg-play {
  width: 46px; height: 46px; background: var(--nnw-pg-accent); color: var(--nnw-pg-on-accent);
  box-shadow: 0 2px 5px rgba(0, 0, 0, 0.26);
}
.nnw-pg .nnw-pg-play:hover:not(:disabled) { background: var(--nnw-pg-accent); color: var(--nnw-pg-on-accent); filter: brightness(1.15); }
.nnw-pg .nnw-pg-play svg { width: 30px; height: 30px; }
.nnw-pg .nnw-pg-epoch { min-width: 96px; }
.nnw-pg .nnw-pg-epoch-value { font-size: 24px; font-weight: 300; line-height: 1.1; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nnw-pg .nnw-pg-rate { display: block; height: 14px; font-size: 11px; color: var(--nnw-pg-label); font-variant-numeric: tabular-nums; white-space: nowrap; }
.nnw-pg .nnw-pg-control { display: flex; flex-direction: column; flex: 1 1 96px; min-width: 86px; max-width: 170px; }
.nnw-pg .nnw-pg-control-label, .nnw-pg .nnw-pg-epoch-label {
  display: block; margin-bottom: 4px; font-size: 12px; font-weight: 300; color: var(--nnw-pg-label); white-space: nowrap;
}
.nnw-pg .nnw-pg-select { position: relative; }
.nnw-pg .nnw-pg-select select {
  appearance: none; -webkit-appearance: none; display: block; width: 100%;
  padding: 5px 18px 5px 0; border: none; border-bottom: 1px solid var(--nnw-pg-line-strong); border-radius: 0;
  background: transparent; color: var(--nnw-pg-text); font-size: 14px; cursor: pointer;
}
.nnw-pg .nnw-pg-select select:focus { border-bottom-color: var(--nnw-pg-accent); }
.nnw-pg .nnw-pg-select select:focus-visible { outline-offset: 0; }
.nnw-pg .nnw-pg-select select:disabled { opacity: 0.45; cursor: default; }
.nnw-pg .nnw-pg-select select option { color: initial; background: initial; }
.nnw-pg .nnw-pg-select::after {
  content: ""; position: absolute; right: 4px; top: 50%; margin-top: -2px; pointer-events: none;
  border: 4.5px solid transparent; border-top-color: var(--nnw-pg-label); border-bottom: 0;
}

/* Main part: data | network | output */
.nnw-pg .nnw-pg-main {
  display: grid; grid-template-columns: 128px minmax(0, 1fr) 292px; gap: 26px;
  padding: 22px 22px 26px; align-items: start;
}
.nnw-pg .nnw-pg-heading {
  display: flex; align-items: center; gap: 6px; min-height: 28px; margin: 0 0 6px;
  font-size: 15px; font-weight: 400; text-transform: uppercase; letter-spacing: 0.02em; color: var(--nnw-pg-text);
}
.nnw-pg .nnw-pg-hint { margin: 0 0 10px; font-size: 12px; font-weight: 300; line-height: 1.35; color: var(--nnw-pg-label); }

/* Data column */
.nnw-pg .nnw-pg-datasets { display: grid; grid-template-columns: repeat(2, 38px); gap: 12px 14px; margin: 4px 0 20px; }
.nnw-pg .nnw-pg-dataset {
  width: 38px; height: 38px; padding: 0; border: 2px solid rgba(128, 128, 128, 0.25); border-radius: 4px;
  background: var(--nnw-pg-surface); opacity: 0.35; cursor: pointer; transition: opacity 0.2s, border-color 0.2s;
}
.nnw-pg .nnw-pg-dataset canvas { display: block; width: 34px; height: 34px; border-radius: 2px; }
.nnw-pg .nnw-pg-dataset:hover:not(:disabled) { opacity: 0.7; border-color: var(--nnw-pg-label); }
.nnw-pg .nnw-pg-dataset[aria-pressed="true"] {
  opacity: 1; border-color: var(--nnw-pg-node-border); box-shadow: 0 1px 5px rgba(0, 0, 0, 0.2);
}
.nnw-pg .nnw-pg-dataset:disabled { cursor: default; }
.nnw-pg .nnw-pg-dataset.nnw-pg-unavailable { opacity: 0.15; filter: grayscale(0.7); }
.nnw-pg .nnw-pg-data .nnw-pg-control { max-width: none; margin: 0 0 16px; }
.nnw-pg .nnw-pg-slider { margin: 0 0 16px; }
.nnw-pg .nnw-pg-slider label { display: block; font-size: 12px; font-weight: 300; line-height: 1.35; color: var(--nnw-pg-label); }
.nnw-pg .nnw-pg-slider output { margin-left: 4px; font-weight: 400; color: var(--nnw-pg-text); font-variant-numeric: tabular-nums; }
.nnw-pg .nnw-pg-slider input { display: block; width: 100%; margin: 6px 0 0; accent-color: var(--nnw-pg-accent); cursor: pointer; }
.nnw-pg .nnw-pg-slider input:disabled { opacity: 0.45; cursor: default; }
.nnw-pg .nnw-pg-text-button {
  display: block; width: 100%; height: 32px; margin-top: 6px; padding: 4px; border: none; border-radius: 3px;
  background: var(--nnw-pg-button); color: var(--nnw-pg-text-soft); font-size: 11px; font-weight: 500;
  letter-spacing: 0.04em; text-transform: uppercase; cursor: pointer; transition: background-color 0.2s;
}
.nnw-pg .nnw-pg-text-button:hover:not(:disabled) { background: var(--nnw-pg-button-hover); }
.nnw-pg .nnw-pg-text-button:disabled { opacity: 0.45; cursor: default; }

/* Network column */
.nnw-pg .nnw-pg-network { min-width: 0; }
.nnw-pg .nnw-pg-network-head { display: flex; align-items: flex-start; }
.nnw-pg .nnw-pg-features-head { flex: none; width: 128px; }
.nnw-pg .nnw-pg-layers-head { flex: 1; display: flex; flex-direction: column; align-items: center; }
.nnw-pg .nnw-pg-layers-head .nnw-pg-heading { gap: 4px; }
.nnw-pg .nnw-pg-layers-label { margin-left: 8px; }
.nnw-pg .nnw-pg-bracket { align-self: stretch; height: 5px; border: 1px solid var(--nnw-pg-line-strong); border-bottom: 0; opacity: 0.6; }
.nnw-pg .nnw-pg-net-scroll { overflow-x: auto; overflow-y: hidden; }
.nnw-pg .nnw-pg-net { position: relative; }
.nnw-pg .nnw-pg-neuron-controls { position: relative; height: 50px; }
.nnw-pg .nnw-pg-neuron-control {
  position: absolute; top: 4px; width: 76px; margin-left: -38px; display: flex; flex-direction: column;
  align-items: center; gap: 3px; font-size: 11px; color: var(--nnw-pg-label); white-space: nowrap;
}
.nnw-pg .nnw-pg-neuron-control > div { display: flex; gap: 6px; }
.nnw-pg .nnw-pg-nodes, .nnw-pg .nnw-pg-net-maps, .nnw-pg .nnw-pg-net-svg, .nnw-pg .nnw-pg-link-group { position: absolute; left: 0; top: 0; }
.nnw-pg .nnw-pg-net-svg { overflow: visible; pointer-events: none; will-change: transform; }
.nnw-pg .nnw-pg-link-group { z-index: 1; pointer-events: none; }
.nnw-pg .nnw-pg-hit-svg { z-index: 2; }
.nnw-pg .nnw-pg-net-maps { z-index: 2; pointer-events: none; }
.nnw-pg .nnw-pg-node-map { position: absolute; }
.nnw-pg .nnw-pg-bias { pointer-events: all; }
.nnw-pg .nnw-pg-nodes { z-index: 3; width: 100%; height: 100%; pointer-events: none; }
.nnw-pg .nnw-pg-node { pointer-events: auto; }
/* Colour and width are presentation attributes set per frame; a CSS value would override them. */
.nnw-pg .nnw-pg-link { fill: none; stroke-dasharray: 9 1; }
.nnw-pg .nnw-pg-link-hit { fill: none; stroke: var(--nnw-pg-text); stroke-width: 8; stroke-opacity: 0; cursor: pointer; outline: none; pointer-events: stroke; }
.nnw-pg .nnw-pg-link-hit:hover { stroke-opacity: 0.12; }
.nnw-pg .nnw-pg-link-hit:focus-visible { stroke-opacity: 0.3; }
.nnw-pg .nnw-pg-bias { stroke: transparent; stroke-width: 6px; paint-order: stroke; cursor: pointer; outline: none; }
.nnw-pg .nnw-pg-bias:hover { stroke: rgba(128, 128, 128, 0.3); }
.nnw-pg .nnw-pg-bias:focus-visible { stroke: var(--nnw-pg-focus); stroke-width: 3px; }
.nnw-pg .nnw-pg-no-edit .nnw-pg-link-hit, .nnw-pg .nnw-pg-no-edit .nnw-pg-bias { cursor: default; }
.nnw-pg .nnw-pg-node {
  position: absolute; width: 34px; height: 34px; margin: -17px 0 0 -17px; padding: 0;
  border: 2px solid var(--nnw-pg-node-border); border-radius: 3px; background: transparent;
  box-shadow: 0 2px 5px rgba(0, 0, 0, 0.2); cursor: default; outline-offset: 3px;
}
.nnw-pg .nnw-pg-node:hover, .nnw-pg .nnw-pg-node:focus-visible { border-color: var(--nnw-pg-label); }
.nnw-pg button.nnw-pg-node { cursor: pointer; }
.nnw-pg button.nnw-pg-node:disabled { cursor: default; }
.nnw-pg .nnw-pg-node.nnw-pg-off { border-color: transparent; box-shadow: none; }
.nnw-pg .nnw-pg-node.nnw-pg-off:hover:not(:disabled), .nnw-pg .nnw-pg-node.nnw-pg-off:focus-visible { border-color: var(--nnw-pg-line-strong); }
.nnw-pg .nnw-pg-node-label {
  position: absolute; transform: translate(-100%, -50%); padding-right: 10px; font-size: 13px; font-weight: 300;
  color: var(--nnw-pg-text-soft); white-space: nowrap; pointer-events: none;
}
.nnw-pg .nnw-pg-node-label.nnw-pg-off { opacity: 0.5; }
.nnw-pg .nnw-pg-node-label sub, .nnw-pg .nnw-pg-node-label sup { font-size: 9px; line-height: 0; }
.nnw-pg .nnw-pg-hovercard {
  position: absolute; z-index: 10; width: max-content; min-width: 128px; padding: 6px 8px; border: 1px solid var(--nnw-pg-line-strong);
  border-radius: 5px; background: var(--nnw-pg-surface); color: var(--nnw-pg-text); font-size: 12px;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18); pointer-events: none; white-space: nowrap;
}
.nnw-pg .nnw-pg-hovercard.nnw-pg-editing { pointer-events: auto; }
.nnw-pg .nnw-pg-hovercard small { display: block; font-size: 10px; color: var(--nnw-pg-label); }
.nnw-pg .nnw-pg-hovercard input {
  width: 76px; margin-left: 4px; padding: 1px 3px; border: 1px solid var(--nnw-pg-line-strong); border-radius: 3px;
  background: var(--nnw-pg-surface); color: var(--nnw-pg-text); font-size: 12px;
}

/* Output column */
.nnw-pg .nnw-pg-output { min-width: 0; }
.nnw-pg .nnw-pg-status {
  margin: 0 0 10px; padding: 7px 10px; border-left: 3px solid var(--nnw-pg-line-strong); border-radius: 3px;
  background: var(--nnw-pg-surface); font-size: 12px; line-height: 1.4; color: var(--nnw-pg-text-soft);
}
.nnw-pg .nnw-pg-status.nnw-pg-warning { border-left-color: var(--nnw-pg-warn-line); background: var(--nnw-pg-warn-bg); color: var(--nnw-pg-warn-text); }
.nnw-pg .nnw-pg-why { margin-top: 4px; }
.nnw-pg .nnw-pg-why summary { cursor: pointer; width: fit-content; text-decoration: underline dotted; }
.nnw-pg .nnw-pg-why p { margin: 4px 0 0; }
.nnw-pg .nnw-pg-node[data-mark] { outline: 2px dashed var(--nnw-pg-warn-line); outline-offset: 2px; }
.nnw-pg .nnw-pg-node[data-mark="dead"] { opacity: 0.55; }
.nnw-pg .nnw-pg-metrics { display: flex; align-items: center; gap: 10px; min-height: 56px; font-size: 13px; font-weight: 300; }
.nnw-pg .nnw-pg-losses { flex: 1 1 auto; min-width: 0; }
.nnw-pg .nnw-pg-loss-row { color: var(--nnw-pg-label); white-space: nowrap; line-height: 1.5; }
.nnw-pg .nnw-pg-loss-row.nnw-pg-test { color: var(--nnw-pg-text); }
.nnw-pg .nnw-pg-loss-row b { font-weight: 400; font-variant-numeric: tabular-nums; margin-left: 3px; }
.nnw-pg .nnw-pg-accuracy { margin-left: 6px; font-size: 11px; color: var(--nnw-pg-label); font-variant-numeric: tabular-nums; }
.nnw-pg .nnw-pg-chart { flex: 0 0 46%; height: 52px; overflow: visible; }
.nnw-pg .nnw-pg-chart path { fill: none; stroke-width: 1.5px; vector-effect: non-scaling-stroke; stroke-linejoin: round; }
.nnw-pg .nnw-pg-chart .nnw-pg-train-line { stroke: var(--nnw-pg-label); }
.nnw-pg .nnw-pg-chart .nnw-pg-test-line { stroke: var(--nnw-pg-text); }
.nnw-pg .nnw-pg-heatmap { position: relative; width: min(100%, 292px); aspect-ratio: 1 / 1; margin-top: 10px; }
.nnw-pg .nnw-pg-heatmap canvas { position: absolute; left: 0; top: 0; display: block; }
.nnw-pg .nnw-pg-heatmap-map { width: calc(100% - 24px); height: calc(100% - 24px); }
/* The overlay reaches past the box so the axes' end labels are not cut. */
.nnw-pg .nnw-pg-heatmap canvas.nnw-pg-heatmap-overlay { left: -12px; top: -8px; width: calc(100% + 12px); height: calc(100% + 8px); pointer-events: none; }
.nnw-pg .nnw-pg-drawing .nnw-pg-heatmap-map { cursor: crosshair; }
.nnw-pg .nnw-pg-heatmap { user-select: none; -webkit-user-select: none; }
.nnw-pg .nnw-pg-shown-neuron { min-height: 16px; margin-top: 2px; font-size: 11px; color: var(--nnw-pg-label); }
.nnw-pg .nnw-pg-legend { display: flex; align-items: center; gap: 12px; margin-top: 8px; }
.nnw-pg .nnw-pg-legend p { flex: 0 0 104px; margin: 0; font-size: 11px; font-weight: 300; line-height: 1.35; color: var(--nnw-pg-label); }
.nnw-pg .nnw-pg-scale { flex: 1 1 auto; max-width: 150px; }
.nnw-pg .nnw-pg-scale-bar { height: 10px; background: linear-gradient(to right, #f59322, #e8eaeb, #0877bd); }
.nnw-pg .nnw-pg-scale-ticks { display: flex; justify-content: space-between; margin-top: 2px; font-size: 10px; color: var(--nnw-pg-label); }
/* Draw strip: a swatch per class (or target), the chosen one ringed */
.nnw-pg .nnw-pg-draw { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; margin-top: 6px; }
.nnw-pg .nnw-pg-draw-label {
  font-size: 11px; font-weight: 500; letter-spacing: 0.04em; text-transform: uppercase; color: var(--nnw-pg-label);
}
.nnw-pg .nnw-pg-swatches { display: flex; gap: 7px; }
.nnw-pg .nnw-pg-swatch {
  width: 18px; height: 18px; padding: 0; border: 2px solid var(--nnw-pg-surface); border-radius: 50%;
  background: var(--nnw-pg-swatch); box-shadow: 0 0 0 1px var(--nnw-pg-line-strong); cursor: pointer;
  transition: box-shadow 0.15s;
}
.nnw-pg .nnw-pg-swatch:hover:not(:disabled) { box-shadow: 0 0 0 1px var(--nnw-pg-label); }
.nnw-pg .nnw-pg-swatch[aria-pressed="true"] { box-shadow: 0 0 0 2px var(--nnw-pg-text); }
.nnw-pg .nnw-pg-swatch:disabled { opacity: 0.35; cursor: default; }
.nnw-pg .nnw-pg-draw-hint { flex: 1 1 120px; font-size: 11px; font-weight: 300; line-height: 1.3; color: var(--nnw-pg-label); }
.nnw-pg .nnw-pg-class-chips { display: flex; flex-wrap: wrap; gap: 4px 10px; }
.nnw-pg .nnw-pg-class-chip { display: inline-flex; align-items: center; gap: 4px; font-size: 11px; color: var(--nnw-pg-text-soft); }
.nnw-pg .nnw-pg-class-chip::before { content: ""; width: 10px; height: 10px; border-radius: 50%; background: var(--nnw-pg-swatch); }
.nnw-pg .nnw-pg-checks { display: flex; flex-wrap: wrap; gap: 6px 20px; margin-top: 16px; }
.nnw-pg .nnw-pg-check { display: inline-flex; align-items: center; gap: 6px; font-size: 13px; font-weight: 300; color: var(--nnw-pg-text-soft); cursor: pointer; }
.nnw-pg .nnw-pg-check input { width: 15px; height: 15px; margin: 0; accent-color: var(--nnw-pg-accent); cursor: pointer; }
.nnw-pg .nnw-pg-check input:disabled { cursor: default; }

/* A refused value: a short note beside the control */
.nnw-pg .nnw-pg-refusal {
  position: absolute; z-index: 20; max-width: 260px; padding: 6px 9px; border-radius: 4px;
  background: #3d3d3d; color: #fff; font-size: 12px; line-height: 1.35; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3);
  pointer-events: none; transition: opacity 0.3s;
}
.nnw-pg .nnw-pg-refusal.nnw-pg-fading { opacity: 0; }

/* Narrower cells (a notebook beside a sidebar): the data column becomes a row on top, network
   and output stay side by side so the output is in view while training. */
@container (max-width: 899px) {
  .nnw-pg .nnw-pg-main {
    grid-template-columns: minmax(0, 1fr) 262px; gap: 20px 22px;
    grid-template-areas: "data data" "network output";
  }
  .nnw-pg .nnw-pg-data { grid-area: data; display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0 32px; }
  .nnw-pg .nnw-pg-network { grid-area: network; }
  .nnw-pg .nnw-pg-output { grid-area: output; }
  .nnw-pg .nnw-pg-data > .nnw-pg-heading { grid-column: 1 / -1; }
  .nnw-pg .nnw-pg-datasets { grid-template-columns: repeat(4, 38px); margin-bottom: 12px; }
  .nnw-pg .nnw-pg-sliders { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 0 22px; align-items: end; }
  .nnw-pg .nnw-pg-sliders .nnw-pg-text-button { margin: 0 0 16px; }
  .nnw-pg .nnw-pg-features-head { width: 100px; }
}
/* Phone-sized: everything in one column. */
@container (max-width: 639px) {
  .nnw-pg .nnw-pg-top { padding: 12px 14px; gap: 12px 16px; }
  .nnw-pg .nnw-pg-main { padding: 16px 14px; grid-template-columns: minmax(0, 1fr); grid-template-areas: "data" "network" "output"; }
  .nnw-pg .nnw-pg-data { display: block; }
}
`;

export const PLAYGROUND_STYLES: Stylesheet = { name: "playground", css: CSS };
