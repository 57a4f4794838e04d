"""axe-core's WCAG 2.1 A/AA rules run on our widgets in a page, wherever each host puts them (the
document, or marimo's shadow roots): shared by the browser tests of every host."""

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "js" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING = {"serious", "critical"}
# Every widget's root: the Playground's, every other view's, the bare NeuronMap's.
EVERY_WIDGET = ".nnw-pg, .nnw-v, .nnw-neuron-map"


def axe_violations(page: "Page", selector: str) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations within every element matching `selector` (CSS), in
    the document and in its open shadow roots (marimo mounts each view in one)."""
    if not AXE.exists():
        raise FileNotFoundError(f"{AXE} is missing: run `npm install` in js/")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    page.locator(selector).first.wait_for()  # Playwright's CSS reaches into shadow roots
    return page.evaluate(
        """async ([selector, tags]) => {
            const found = [];
            const search = (root) => {
                found.push(...root.querySelectorAll(selector));
                for (const el of root.querySelectorAll("*")) {
                    if (el.shadowRoot) search(el.shadowRoot);
                }
            };
            search(document);
            // Only the outermost matches: a view inside another is checked with it.
            const outer = found.filter((el) => !found.some((o) => o !== el && o.contains(el)));
            const result = await axe.run(
                { include: outer }, { runOnly: { type: "tag", values: tags } },
            );
            return result.violations.map(({ id, impact, help, nodes }) => ({
                id, impact, help,
                nodes: nodes.map((node) => ({
                    target: node.target.join(" "), summary: node.failureSummary,
                })),
            }));
        }""",
        [selector, WCAG_21_AA],
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']}: {violation['id']}: {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


def assert_accessible(page: "Page", selector: str) -> None:
    """Fails when axe-core finds a serious or critical WCAG 2.1 A/AA violation in `selector`."""
    failing = [v for v in axe_violations(page, selector) if v["impact"] in FAILING]
    assert not failing, f"axe-core found in {selector}:\n{describe(failing)}"
