// Whether a view can be seen: its page is visible (the Page Visibility API) and its root is on
// screen (an IntersectionObserver: a collapsed, closed or scrolled-away output is not). The kernel
// hears each change, so while no view of a widget can be seen it trains without making frames.

import type { AnyModel } from "@anywidget/types";
import type { Lifetime } from "./lifetime";

/** What a view tells the kernel: whether it can be seen, or that it is gone for good. */
export interface SeenMessage {
  type: "seen";
  view: string;
  visible: boolean;
  gone?: boolean;
}

/** Combines the two signals and reports only changes (the first reading always). */
export class SeenState {
  private page = true;
  private onScreen = true;
  private last: boolean | null = null;

  constructor(private readonly report: (visible: boolean) => void) {}

  /** The page became visible or hidden. */
  setPage(visible: boolean): void {
    this.page = visible;
    this.update();
  }

  /** The view's root came on screen or left it. */
  setOnScreen(visible: boolean): void {
    this.onScreen = visible;
    this.update();
  }

  private update(): void {
    const visible = this.page && this.onScreen;
    if (visible === this.last) return;
    this.last = visible;
    this.report(visible);
  }
}

let views = 0;

/** Tells the kernel, through `model`, whenever `root` can or cannot be seen, and that the view
 * is gone when `life` ends. */
export function reportSeen(model: AnyModel<any>, root: Element, life: Lifetime): void {
  const view = `${Date.now().toString(36)}-${++views}-${Math.random().toString(36).slice(2, 8)}`;
  const send = (message: SeenMessage) => {
    try {
      model.send(message);
    } catch {
      // The widget was closed: no kernel is listening.
    }
  };
  const state = new SeenState((visible) => send({ type: "seen", view, visible }));
  const pageVisible = () => document.visibilityState !== "hidden";
  state.setPage(pageVisible());
  life.listen(document, "visibilitychange", () => state.setPage(pageVisible()));
  if (typeof IntersectionObserver !== "undefined") {
    const observer = life.observe(
      new IntersectionObserver((entries) => {
        for (const entry of entries) state.setOnScreen(entry.isIntersecting);
      }),
    );
    observer.observe(root);
  }
  life.add(() => send({ type: "seen", view, visible: false, gone: true }));
}
