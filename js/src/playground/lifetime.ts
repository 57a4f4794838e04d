// Everything a view must undo when it goes away, collected as it is set up.

import type { AnyModel } from "@anywidget/types";

export class Lifetime {
  private readonly undo: (() => void)[] = [];

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
