// The hover card of links and biases: their value on hover or focus, and on click (or Enter) a
// number field that sends the new value to the kernel, which applies it live.

import { html } from "./dom";
import { formatWeight } from "./format";

export type EditTarget =
  | { kind: "weight"; layer: number; i: number; j: number }
  | { kind: "bias"; layer: number; j: number };

export interface WeightEditorOptions {
  /** The current value of a weight or bias, null when the weights do not fit the shape. */
  valueOf: (target: EditTarget) => number | null;
  commit: (target: EditTarget, value: number) => void;
  /** False while the "weights" control is locked: values show but cannot change. */
  editable: () => boolean;
  /** The card's heading for `target` when it shows something else than the value (a gradient). */
  headingOf?: (target: EditTarget) => string | null;
}

export class WeightEditor {
  readonly element = html("div", "nnw-pg-hovercard");
  private target: EditTarget | null = null;
  private editing = false;
  private returnFocus: HTMLElement | SVGElement | null = null;
  private readonly heading = html("span");
  private readonly value = html("b");
  private readonly hint = html("small");
  private readonly input = html("input");

  constructor(container: HTMLElement, private readonly options: WeightEditorOptions) {
    this.element.hidden = true;
    this.element.setAttribute("role", "tooltip");
    Object.assign(this.input, { type: "number", step: "any" });
    this.element.append(this.hint, this.heading, this.value, this.input);
    container.append(this.element);
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.commit();
      } else if (event.key === "Escape") {
        event.preventDefault();
        this.close(true);
      }
    });
    this.input.addEventListener("blur", () => {
      if (this.editing) this.close(false);
    });
  }

  get isEditing(): boolean {
    return this.editing;
  }

  /** Shows the value of `target` with the card's corner at (x, y) in the container. */
  hover(target: EditTarget, x: number, y: number): void {
    if (this.editing) return;
    this.target = target;
    this.hint.textContent = this.options.editable() ? "Click to edit." : "";
    this.hint.hidden = !this.options.editable();
    const heading = this.options.headingOf?.(target);
    this.heading.textContent = heading ?? (target.kind === "weight" ? "Weight is " : "Bias is ");
    this.input.hidden = true;
    this.value.hidden = false;
    this.element.classList.remove("nnw-pg-editing");
    this.element.hidden = false;
    this.refresh();
    this.place(x, y);
  }

  unhover(): void {
    if (!this.editing) this.hide();
  }

  /** Opens the number field for `target`; focus goes back to `from` when it closes. */
  edit(target: EditTarget, x: number, y: number, from: HTMLElement | SVGElement): void {
    if (!this.options.editable()) return;
    const value = this.options.valueOf(target);
    if (value === null) return;
    this.editing = false;
    this.hover(target, x, y);
    this.editing = true;
    this.returnFocus = from;
    this.hint.textContent = "Enter applies, Esc cancels.";
    this.hint.hidden = false;
    this.value.hidden = true;
    this.input.hidden = false;
    this.input.value = formatWeight(value);
    this.input.setAttribute("aria-label", target.kind === "weight" ? "Weight" : "Bias");
    this.element.classList.add("nnw-pg-editing");
    this.place(x, y);
    this.input.focus();
    this.input.select();
  }

  /** Updates the shown value (the weights change while training). */
  refresh(): void {
    if (!this.target || this.editing || this.element.hidden) return;
    const value = this.options.valueOf(this.target);
    this.value.textContent = value === null ? "–" : formatWeight(value);
  }

  /** Closes everything, as when the diagram is rebuilt. */
  hide(): void {
    this.editing = false;
    this.target = null;
    this.element.hidden = true;
  }

  private commit(): void {
    const value = Number(this.input.value);
    const target = this.target;
    if (this.input.value.trim() === "" || !Number.isFinite(value) || !target) {
      this.input.setCustomValidity("Enter a finite number");
      this.input.reportValidity();
      return;
    }
    this.input.setCustomValidity("");
    this.options.commit(target, value);
    this.close(true);
  }

  private close(restoreFocus: boolean): void {
    const from = this.returnFocus;
    this.editing = false;
    this.returnFocus = null;
    this.hide();
    if (restoreFocus && from?.isConnected) from.focus();
  }

  /** Puts the card's corner at (x, y), flipped left or up where it would leave the diagram
   * (whose scrolling box would cut it off). */
  private place(x: number, y: number): void {
    const container = this.element.parentElement;
    this.element.style.left = `${Math.round(x)}px`;
    this.element.style.top = `${Math.round(y)}px`;
    if (!container) return;
    const width = this.element.offsetWidth;
    const height = this.element.offsetHeight;
    if (x + width > container.clientWidth) this.element.style.left = `${Math.max(0, Math.round(x - width - 24))}px`;
    if (y + height > container.clientHeight) this.element.style.top = `${Math.max(0, Math.round(y - height - 16))}px`;
  }
}
