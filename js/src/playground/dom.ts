// Small helpers for building the view's DOM by hand.

export function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = "",
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Sets `element`'s text, unless it already reads so: rewriting the same text still replaces the
 * text node and makes the page lay out again. */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** A 24×24 icon from one path, sized by CSS; hidden from screen readers (buttons carry names). */
export function icon(pathData: string): SVGSVGElement {
  const element = svg("svg", { viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false" });
  element.append(svg("path", { d: pathData }));
  return element;
}

/** A round icon button named for screen readers and tooltips (`extraClass`: "nnw-pg-small"...). */
export function iconButton(name: string, path: string, extraClass = ""): HTMLButtonElement {
  const button = html("button", `nnw-pg-icon-button ${extraClass}`.trim());
  button.type = "button";
  button.setAttribute("aria-label", name);
  button.title = name;
  button.append(icon(path));
  return button;
}

export const ICONS = {
  play: "M8 5v14l11-7z",
  pause: "M6 19h4V5H6v14zm8-14v14h4V5h-4z",
  reset:
    "M12 5V1L7 6l5 5V7c3.31 0 6 2.69 6 6s-2.69 6-6 6-6-2.69-6-6H4c0 4.42 3.58 8 8 8s8-3.58 8-8-3.58-8-8-8z",
  step: "M6 18l8.5-6L6 6v12zM16 6v12h2V6h-2z",
  add: "M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z",
  remove: "M19 13H5v-2h14v2z",
};

let lastId = 0;
/** A page-unique id, so two views of one widget never share label targets. */
export function uniqueId(stem: string): string {
  lastId += 1;
  return `nnw-pg-${stem}-${lastId}`;
}
