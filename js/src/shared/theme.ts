// JupyterLab's theme as the canvases need it: whether it is dark, and when it changes (their
// colours are read from CSS variables, so a new theme means drawing again).

export function isDarkTheme(): boolean {
  return document.body?.dataset.jpThemeLight === "false";
}

/** Calls `changed` when JupyterLab switches theme; returns what stops it. */
export function onThemeChange(changed: () => void): () => void {
  if (!document.body) return () => {};
  const observer = new MutationObserver(() => changed());
  observer.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light", "data-jp-theme-name"] });
  return () => observer.disconnect();
}
