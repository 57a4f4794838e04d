// A visually hidden polite live region: what it is told, screen readers read out when the
// reader is idle. It stays in the DOM from the start, as readers ignore regions added late.

/** Hidden from sight only (not display: none, which would hide it from readers too). */
const VISUALLY_HIDDEN: Partial<CSSStyleDeclaration> = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: "0",
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
  border: "0",
};

export class LiveRegion {
  readonly element = document.createElement("div");

  constructor(className: string) {
    this.element.className = className;
    this.element.setAttribute("aria-live", "polite");
    this.element.setAttribute("aria-atomic", "true");
    Object.assign(this.element.style, VISUALLY_HIDDEN);
  }

  say(text: string): void {
    // The same sentence again is still news (a second refusal): readers only speak changes.
    if (this.element.textContent === text) this.element.textContent = "";
    this.element.textContent = text;
  }
}
