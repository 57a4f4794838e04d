// The step-through mode's look (trace_stepper.ts): its panel under the output view and the values
// it writes beside the diagram's nodes. Colours from the Playground's variables (styles.ts).

import type { Stylesheet } from "../shared/styles";

const CSS = /* css */ `
.nnw-pg .nnw-pg-trace { margin-top: 6px; font-size: 12px; color: var(--nnw-pg-text); }
.nnw-pg .nnw-pg-trace-toggle, .nnw-pg .nnw-pg-trace-button {
  border: 1px solid var(--nnw-pg-line-strong); border-radius: 4px; padding: 3px 9px; font-size: 12px;
  background: var(--nnw-pg-button); color: var(--nnw-pg-text); cursor: pointer;
}
.nnw-pg .nnw-pg-trace-toggle:hover, .nnw-pg .nnw-pg-trace-button:hover:not(:disabled) {
  background: var(--nnw-pg-button-hover);
}
.nnw-pg .nnw-pg-trace-toggle[aria-pressed="true"] {
  background: var(--nnw-pg-accent); color: var(--nnw-pg-on-accent); border-color: var(--nnw-pg-accent);
}
.nnw-pg .nnw-pg-trace-button:disabled { opacity: 0.45; cursor: default; }
.nnw-pg .nnw-pg-trace-toggle:focus-visible, .nnw-pg .nnw-pg-trace-button:focus-visible {
  outline: 2px solid var(--nnw-pg-focus); outline-offset: 1px;
}
.nnw-pg .nnw-pg-trace-panel {
  margin-top: 6px; padding: 8px 10px; border-left: 3px solid var(--nnw-pg-accent); border-radius: 3px;
  background: var(--nnw-pg-surface); line-height: 1.45;
}
.nnw-pg .nnw-pg-trace-row, .nnw-pg .nnw-pg-trace-nav { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.nnw-pg .nnw-pg-trace-pick input { width: 5.5em; font-size: 12px; }
.nnw-pg .nnw-pg-trace-hint, .nnw-pg .nnw-pg-trace-title, .nnw-pg .nnw-pg-trace-loss { margin: 6px 0 0; }
.nnw-pg .nnw-pg-trace-hint { color: var(--nnw-pg-text-soft); }
.nnw-pg .nnw-pg-trace-title { font-weight: 600; }
.nnw-pg .nnw-pg-trace-position { min-width: 3.5em; text-align: center; color: var(--nnw-pg-text-soft); }
.nnw-pg .nnw-pg-trace-loss, .nnw-pg .nnw-pg-trace-formulas {
  font-family: var(--jp-code-font-family, ui-monospace, monospace); font-size: 11px;
}
.nnw-pg .nnw-pg-trace-formulas { margin: 4px 0 0; padding: 0; list-style: none; max-height: 180px; overflow-y: auto; }
.nnw-pg .nnw-pg-trace-formulas li { padding: 2px 0; border-top: 1px solid var(--nnw-pg-line); overflow-wrap: anywhere; }
.nnw-pg .nnw-pg-trace-formulas b { font-family: var(--nnw-pg-font); font-weight: 600; }
.nnw-pg .nnw-pg-output-heatmap.nnw-pg-tracing canvas, .nnw-pg .nnw-pg-tracing { cursor: crosshair; }
.nnw-pg .nnw-pg-trace-badge {
  position: absolute; left: 50%; top: 100%; transform: translate(-50%, -3px); z-index: 3; pointer-events: none;
  padding: 0 3px; border-radius: 3px; font-size: 10px; line-height: 13px; white-space: nowrap;
  background: var(--nnw-pg-surface); color: var(--nnw-pg-text-soft); border: 1px solid var(--nnw-pg-line);
}
.nnw-pg .nnw-pg-trace-badge.nnw-pg-trace-current {
  color: var(--nnw-pg-text); border-color: var(--nnw-pg-accent); font-weight: 600;
}
`;

export const TRACE_STYLES: Stylesheet = { name: "playground-trace", css: CSS };
