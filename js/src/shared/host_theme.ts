// Each host's own theme, read into a few `--nnw-host-*` variables that the widgets' stylesheets
// use: JupyterLab, Notebook 7 and Voila set --jp-*, VS Code --vscode-*, marimo its own names
// (inside its `.marimo` namespace); the original Playground's light colours where a host sets
// none. Dark themes are told by each host's own mark on the page.

import type { Stylesheet } from "./styles";

/** The widgets' roots: the Playground's and every other view's. */
const ROOTS = [".nnw-pg", ".nnw-v"];

// JupyterLab's body attribute, VS Code's body classes, and the `dark` class marimo puts on the
// body and on the wrapper of each view in its shadow roots.
const DARK_MARKS = [
  'body[data-jp-theme-light="false"]',
  "body.vscode-dark",
  "body.vscode-high-contrast:not(.vscode-high-contrast-light)",
  ".dark",
];

/** A selector for `target` under any host's dark theme. */
export function inDarkHost(target: string): string {
  return DARK_MARKS.map((mark) => `${mark} ${target}`).join(",\n");
}

const roots = (prefix = "") => ROOTS.map((root) => `${prefix}${root}`).join(", ");

const CSS = /* css */ `
${roots()} {
  --nnw-host-font: var(--jp-ui-font-family, var(--vscode-font-family, "Helvetica Neue", Helvetica, Arial, sans-serif));
  --nnw-host-code-font: var(--jp-code-font-family, var(--vscode-editor-font-family, Menlo, Consolas, monospace));
  --nnw-host-surface: var(--jp-layout-color0, var(--vscode-editor-background, #fff));
  --nnw-host-surface-2: var(--jp-layout-color2, var(--vscode-editorWidget-background, #eee));
  --nnw-host-text: var(--jp-ui-font-color0, var(--vscode-editor-foreground, rgba(0, 0, 0, 0.87)));
  --nnw-host-text-soft: var(--jp-ui-font-color1, var(--vscode-foreground, #333));
  --nnw-host-label: var(--jp-ui-font-color2, var(--vscode-descriptionForeground, #777));
  --nnw-host-line: var(--jp-border-color2, var(--vscode-editorWidget-border, #e0e0e0));
  --nnw-host-line-strong: var(--jp-border-color1, var(--vscode-input-border, #bdbdbd));
  --nnw-host-focus: var(--jp-brand-color1, var(--vscode-focusBorder, #1976d2));
}
/* marimo (frontend/src/css/globals.css): light-dark colours that follow its theme by themselves */
${roots(".marimo ")} {
  --nnw-host-font: var(--text-font, "Helvetica Neue", Helvetica, Arial, sans-serif);
  --nnw-host-code-font: var(--monospace-font, Menlo, Consolas, monospace);
  --nnw-host-surface: var(--background, #fff);
  --nnw-host-surface-2: var(--muted, #eee);
  --nnw-host-text: var(--foreground, rgba(0, 0, 0, 0.87));
  --nnw-host-text-soft: var(--foreground, #333);
  --nnw-host-label: var(--muted-foreground, #777);
  --nnw-host-line: var(--border, #e0e0e0);
  --nnw-host-line-strong: var(--input, #bdbdbd);
  --nnw-host-focus: var(--primary, #1976d2);
}
`;

export const HOST_THEME: Stylesheet = { name: "host-theme", css: CSS };
