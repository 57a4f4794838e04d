import { describe, expect, it } from "vitest";
import { adoptStyles, type Stylesheet } from "../../src/shared/styles";

// As much of a page as adoptStyles uses: a document, shadow roots, an element that may be
// attached later, animation frames run by hand, and constructable sheets where asked.
class FakeSheet {
  css = "";
  replaceSync(css: string) {
    this.css = css;
  }
}

function fakePage({ constructable = true } = {}) {
  const frames: FrameRequestCallback[] = [];
  const styles = (parent: { children: any[] }) => ({
    querySelectorAll: () => parent.children.filter((child) => child.tag === "style"),
  });
  const view = {
    CSSStyleSheet: constructable ? FakeSheet : undefined,
    requestAnimationFrame: (callback: FrameRequestCallback) => frames.push(callback),
    cancelAnimationFrame: (id: number) => {
      frames[id - 1] = () => {};
    },
  };
  const head = { children: [] as any[], append: (node: any) => head.children.push(node) };
  Object.assign(head, styles(head));
  const doc: any = {
    nodeType: 9,
    adoptedStyleSheets: [],
    defaultView: view,
    head,
    createElement: (tag: string) => ({ tag, dataset: {}, textContent: "" }),
  };
  if (!constructable) delete doc.adoptedStyleSheets;
  const shadowRoot = () => {
    const root: any = { nodeType: 11, host: {}, ownerDocument: doc, children: [] };
    root.append = (node: any) => root.children.push(node);
    Object.assign(root, styles(root));
    if (constructable) root.adoptedStyleSheets = [];
    return root;
  };
  const element = (root: any = null) => ({
    ownerDocument: doc,
    isConnected: root !== null,
    getRootNode() {
      return root ?? this;
    },
  });
  const runFrames = () => frames.splice(0).forEach((callback) => callback(0));
  return { doc, shadowRoot, element, runFrames, frames };
}

const A: Stylesheet = { name: "a", css: ".a { color: red; }" };
const B: Stylesheet = { name: "b", css: ".b { color: blue; }" };

describe("adoptStyles", () => {
  it("adopts one sheet per stylesheet into a shadow root, however many views it holds", () => {
    const page = fakePage();
    const root = page.shadowRoot();
    for (let i = 0; i < 3; i++) adoptStyles(page.element(root) as any, A, B);
    expect(root.adoptedStyleSheets.map((sheet: FakeSheet) => sheet.css)).toEqual([A.css, B.css]);
    expect(page.doc.adoptedStyleSheets).toEqual([]);
  });

  it("shares the constructed sheet between the roots of one page", () => {
    const page = fakePage();
    const [first, second] = [page.shadowRoot(), page.shadowRoot()];
    adoptStyles(page.element(first) as any, A);
    adoptStyles(page.element(second) as any, A);
    adoptStyles(page.element(page.doc) as any, A);
    expect(first.adoptedStyleSheets[0]).toBe(second.adoptedStyleSheets[0]);
    expect(page.doc.adoptedStyleSheets[0]).toBe(first.adoptedStyleSheets[0]);
  });

  it("keeps the sheets a root adopted before", () => {
    const page = fakePage();
    const root = page.shadowRoot();
    const hosts = new FakeSheet();
    root.adoptedStyleSheets = [hosts];
    adoptStyles(page.element(root) as any, A);
    expect(root.adoptedStyleSheets[0]).toBe(hosts);
    expect(root.adoptedStyleSheets).toHaveLength(2);
  });

  it("styles the document at once and the shadow root once a detached element is attached", () => {
    const page = fakePage();
    const root = page.shadowRoot();
    const el: any = page.element();
    adoptStyles(el, A);
    expect(page.doc.adoptedStyleSheets).toHaveLength(1);
    page.runFrames();
    expect(root.adoptedStyleSheets).toHaveLength(0);
    el.isConnected = true;
    el.getRootNode = () => root;
    page.runFrames();
    expect(root.adoptedStyleSheets).toHaveLength(1);
    expect(page.frames).toHaveLength(0); // attached: it stops looking
  });

  it("stops waiting for an element that is never attached once undone", () => {
    const page = fakePage();
    const root = page.shadowRoot();
    const el: any = page.element();
    const undo = adoptStyles(el, A);
    undo();
    el.isConnected = true;
    el.getRootNode = () => root;
    page.runFrames();
    expect(root.adoptedStyleSheets).toHaveLength(0);
  });

  it("falls back to one <style> per root without constructable sheets", () => {
    const page = fakePage({ constructable: false });
    const root = page.shadowRoot();
    for (let i = 0; i < 2; i++) {
      adoptStyles(page.element(root) as any, A, B);
      adoptStyles(page.element(page.doc) as any, A);
    }
    expect(root.children.map((style: any) => [style.dataset.nnwSheet, style.textContent])).toEqual([
      ["a", A.css],
      ["b", B.css],
    ]);
    expect(page.doc.head.children).toHaveLength(1);
  });
});
