import type { AnyModel } from "@anywidget/types";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Lifetime } from "../../src/shared/lifetime";

/** As much of a model as Lifetime uses: handlers per event. */
function fakeModel() {
  const handlers = new Map<string, Set<(...args: any[]) => void>>();
  const model = {
    on: (event: string, handler: (...args: any[]) => void) => {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)?.add(handler);
    },
    off: (event: string, handler: (...args: any[]) => void) => handlers.get(event)?.delete(handler),
  };
  const count = () => [...handlers.values()].reduce((sum, set) => sum + set.size, 0);
  return { model: model as unknown as AnyModel<any>, count };
}

describe("Lifetime", () => {
  let frames: Map<number, FrameRequestCallback>;
  let observers: { disconnected: boolean }[];

  beforeEach(() => {
    vi.useFakeTimers();
    frames = new Map();
    let next = 1;
    vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
      frames.set(next, callback);
      return next++;
    });
    vi.stubGlobal("cancelAnimationFrame", (id: number) => frames.delete(id));
    // The theme watch observes the body's attributes.
    observers = [];
    vi.stubGlobal("document", { body: { dataset: {}, classList: { contains: () => false } } });
    vi.stubGlobal(
      "MutationObserver",
      class {
        record = { disconnected: false };
        constructor() {
          observers.push(this.record);
        }
        observe() {}
        disconnect() {
          this.record.disconnected = true;
        }
      },
    );
  });

  /** What the browser does at the next display frame. */
  const runFrames = () => {
    const due = [...frames.values()];
    frames.clear();
    due.forEach((callback) => callback(16));
  };

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("removes listeners, model handlers and the theme watch", () => {
    const life = new Lifetime();
    const target = new EventTarget();
    const clicked = vi.fn();
    life.listen(target, "click", clicked);
    const { model, count } = fakeModel();
    life.on(model, "msg:custom", () => {});
    life.onChange(model, ["epoch", "_frame"], () => {});
    life.onTheme(() => {});
    expect(count()).toBe(3);
    target.dispatchEvent(new Event("click"));
    life.dispose();
    target.dispatchEvent(new Event("click"));
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(count()).toBe(0);
    expect(observers).toEqual([{ disconnected: true }]);
  });

  it("stops intervals and pending timeouts and animation frames", () => {
    const life = new Lifetime();
    const ticks = vi.fn();
    life.interval(ticks, 100);
    const late = vi.fn();
    life.timeout(late, 500);
    const drawn = vi.fn();
    life.frame(drawn);
    vi.advanceTimersByTime(250);
    expect(ticks).toHaveBeenCalledTimes(2);
    life.dispose();
    vi.advanceTimersByTime(1000);
    expect(ticks).toHaveBeenCalledTimes(2);
    expect(late).not.toHaveBeenCalled();
    expect(frames.size).toBe(0);
    expect(drawn).not.toHaveBeenCalled();
  });

  it("forgets timeouts and frames once they have run, or were cancelled", () => {
    const life = new Lifetime();
    const ran = vi.fn();
    life.frame(ran);
    runFrames();
    life.cancelTimeout(life.timeout(ran, 10));
    vi.advanceTimersByTime(20);
    expect(ran).toHaveBeenCalledTimes(1);
    const again = life.frame(ran);
    life.cancelFrame(again);
    expect(frames.size).toBe(0);
  });

  it("destroys what it owns and disconnects observers, newest first, past a failing cleanup", () => {
    const life = new Lifetime();
    const order: string[] = [];
    life.own({ destroy: () => order.push("part") });
    life.observe({ disconnect: () => order.push("observer") });
    life.add(() => {
      throw new Error("broken");
    });
    life.add(() => order.push("last added"));
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    life.dispose();
    expect(order).toEqual(["last added", "observer", "part"]);
    expect(quiet).toHaveBeenCalledOnce();
    life.dispose(); // a second dispose has nothing left to undo
    expect(order).toHaveLength(3);
  });
});
