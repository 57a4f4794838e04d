// Everything a view must undo when it goes away, collected as it is set up: listeners on the page
// and on the model, timers, animation frames, observers, the theme watch and the parts it owns.

import type { AnyModel } from "@anywidget/types";
import { onThemeChange } from "./theme";

export class Lifetime {
  private readonly undo: (() => void)[] = [];
  // Pending one-shot callbacks: they forget themselves when they run, so none piles up here.
  private readonly frames = new Set<number>();
  private readonly timeouts = new Set<number>();

  constructor() {
    this.add(() => {
      this.frames.forEach((id) => cancelAnimationFrame(id));
      this.timeouts.forEach((id) => clearTimeout(id));
      this.frames.clear();
      this.timeouts.clear();
    });
  }

  add(cleanup: () => void): void {
    this.undo.push(cleanup);
  }

  listen<E extends Event = Event>(
    target: EventTarget,
    type: string,
    handler: (event: E) => void,
    options?: AddEventListenerOptions,
  ): void {
    const listener = handler as EventListener;
    target.addEventListener(type, listener, options);
    this.add(() => target.removeEventListener(type, listener, options));
  }

  /** Subscribes to a model event until the view is gone. */
  on(model: AnyModel<any>, event: string, handler: (...args: any[]) => void): void {
    model.on(event, handler);
    this.add(() => model.off(event, handler));
  }

  /** Calls `handler` whenever one of `traits` changes, until the view is gone. */
  onChange(model: AnyModel<any>, traits: readonly string[], handler: () => void): void {
    for (const trait of traits) this.on(model, `change:${trait}`, handler);
  }

  /** Calls `changed` whenever JupyterLab switches theme. */
  onTheme(changed: () => void): void {
    this.add(onThemeChange(changed));
  }

  /** Destroys `part` (a canvas, a chart, a loop) with the view. */
  own<T extends { destroy(): void }>(part: T): T {
    this.add(() => part.destroy());
    return part;
  }

  /** Disconnects `observer` (a ResizeObserver, a MutationObserver) with the view. */
  observe<T extends { disconnect(): void }>(observer: T): T {
    this.add(() => observer.disconnect());
    return observer;
  }

  interval(callback: () => void, ms: number): void {
    const id = setInterval(callback, ms);
    this.add(() => clearInterval(id));
  }

  timeout(callback: () => void, ms: number): number {
    const id = setTimeout(() => {
      this.timeouts.delete(id);
      callback();
    }, ms);
    this.timeouts.add(id);
    return id;
  }

  cancelTimeout(id: number): void {
    clearTimeout(id);
    this.timeouts.delete(id);
  }

  /** requestAnimationFrame, cancelled if the view goes first. */
  frame(callback: (now: number) => void): number {
    const id = requestAnimationFrame((now) => {
      this.frames.delete(id);
      callback(now);
    });
    this.frames.add(id);
    return id;
  }

  cancelFrame(id: number): void {
    cancelAnimationFrame(id);
    this.frames.delete(id);
  }

  /** Undoes everything, newest first; one failing cleanup does not stop the others. */
  dispose(): void {
    while (this.undo.length) {
      try {
        this.undo.pop()?.();
      } catch (error) {
        console.error("nnwidgets: cleanup failed", error);
      }
    }
  }
}
