// The host's theme as the canvases need it: whether it is dark, and when it changes (their
// colours are read from CSS variables, so a new theme means drawing again). Each host marks a
// dark theme on the body its own way: JupyterLab (and Notebook 7, Voila) an attribute, VS Code
// and marimo classes.

export function isDarkTheme(): boolean {
  const body = document.body;
  if (!body) return false;
  const classes = body.classList;
  return (
    body.dataset.jpThemeLight === "false" ||
    classes.contains("vscode-dark") ||
    (classes.contains("vscode-high-contrast") && !classes.contains("vscode-high-contrast-light")) ||
    classes.contains("dark")
  );
}

/** Calls `changed` when the host switches theme; returns what stops it. */
export function onThemeChange(changed: () => void): () => void {
  if (!document.body) return () => {};
  let dark = isDarkTheme();
  // The body's classes change for many reasons (a drag's cursor, say): only a flip counts.
  const observer = new MutationObserver((records) => {
    const wasDark = dark;
    dark = isDarkTheme();
    if (dark !== wasDark || records.some((record) => record.attributeName !== "class")) changed();
  });
  observer.observe(document.body, {
    attributes: true,
    attributeFilter: ["data-jp-theme-light", "data-jp-theme-name", "class"],
  });
  return () => observer.disconnect();
}
