// Stylesheets that travel with the widget: each is adopted, as one constructable CSSStyleSheet per
// page, by the root the view lives in — the document (JupyterLab, Notebook, Voila, VS Code) or a
// shadow root (marimo mounts every anywidget view in one, where the document's styles never
// reach). A <style> element stands in where constructable sheets are missing.

export interface Stylesheet {
  /** Names the fallback <style> element, so a root never gets it twice. */
  readonly name: string;
  readonly css: string;
}

type StyleRoot = Document | ShadowRoot;

// One constructed sheet per stylesheet and document: a sheet can only be adopted in the realm
// that made it, and sharing it is what keeps many widgets to one copy.
const constructed = new WeakMap<Document, Map<Stylesheet, CSSStyleSheet>>();

/** Adopts `sheets` into the root `el` lives in; returns what stops waiting for `el` to be attached. */
export function adoptStyles(el: HTMLElement, ...sheets: Stylesheet[]): () => void {
  if (el.isConnected) {
    adoptAll(el.getRootNode(), sheets);
    return () => {};
  }
  // Hosts render into a detached element (JupyterLab attaches it after render): style the
  // document now, so the first paint is styled there, and the real root once attached.
  const doc = el.ownerDocument;
  adoptAll(doc, sheets);
  const view = doc.defaultView;
  if (!view) return () => {};
  let frame = view.requestAnimationFrame(function attached() {
    if (!el.isConnected) {
      frame = view.requestAnimationFrame(attached);
      return;
    }
    adoptAll(el.getRootNode(), sheets);
  });
  return () => view.cancelAnimationFrame(frame);
}

function adoptAll(root: Node, sheets: Stylesheet[]): void {
  if (!isStyleRoot(root)) return;
  for (const sheet of sheets) adopt(root, sheet);
}

// Node types rather than instanceof, which misses roots of another realm (an iframe's, a popup's).
function isStyleRoot(node: Node): node is StyleRoot {
  return node.nodeType === 9 || (node.nodeType === 11 && "host" in node);
}

function adopt(root: StyleRoot, sheet: Stylesheet): void {
  const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
  const made = constructedSheet(doc, sheet);
  if (made && "adoptedStyleSheets" in root) {
    if (!root.adoptedStyleSheets.includes(made)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, made];
    return;
  }
  const parent = root.nodeType === 9 ? doc.head : (root as ShadowRoot);
  const already = Array.from(parent.querySelectorAll("style[data-nnw-sheet]")).some(
    (style) => (style as HTMLElement).dataset.nnwSheet === sheet.name,
  );
  if (already) return;
  const style = doc.createElement("style");
  style.dataset.nnwSheet = sheet.name;
  style.textContent = sheet.css;
  parent.append(style);
}

function constructedSheet(doc: Document, sheet: Stylesheet): CSSStyleSheet | null {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (typeof Sheet?.prototype?.replaceSync !== "function") return null;
  let sheets = constructed.get(doc);
  if (!sheets) constructed.set(doc, (sheets = new Map()));
  let made = sheets.get(sheet);
  if (!made) {
    made = new Sheet();
    made.replaceSync(sheet.css);
    sheets.set(sheet, made);
  }
  return made;
}
