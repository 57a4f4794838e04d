"""The teaching dashboard (notebooks/08_dashboard.ipynb) served by Voila, as a class sees it: it
renders, Play trains, the Playground's output and the bqplot loss curve follow, a dashboard
control reaches the Playground, and the console stays clean."""

from hosts import running_voila
from lab import ARTIFACTS, REPO, pixels, wait_until

DASHBOARD = REPO / "notebooks" / "08_dashboard.ipynb"
# Voila's page template links Font Awesome from a CDN, which this offline machine cannot reach;
# the dashboard shows no icon font, so the stylesheet is answered empty rather than failing.
FONT_AWESOME = "https://cdn.jsdelivr.net/npm/@fortawesome/**"

# The number of points in each line of the bqplot figure whose title names `title` (the
# legend's keys are lines too, and are left out).
LINE_POINTS = """(title) => {
    const figure = [...document.querySelectorAll(".bqplot.figure")]
        .find((each) => each.querySelector(".mainheading")?.textContent.includes(title));
    if (!figure) return null;
    return [...figure.querySelectorAll("path.line")]
        .filter((path) => !path.closest(".g_legend, .legend"))
        .map((path) => (path.getAttribute("d") || "").split(/[ML]/).length - 1);
}"""


def test_the_dashboard_trains_in_voila(host_page, tmp_path):
    page, console = host_page
    page.set_default_timeout(120_000)  # Voila runs the notebook before the page appears
    page.route(FONT_AWESOME, lambda route: route.fulfill(content_type="text/css", body=""))

    def loss_points() -> list[int]:
        return page.evaluate(LINE_POINTS, "Loss")

    with running_voila(tmp_path, DASHBOARD) as server:
        page.goto(server.url)
        playground = page.locator(".nnw-pg").first
        output = playground.locator(".nnw-pg-output canvas").first
        output.wait_for()
        page.wait_for_function(f"() => ({LINE_POINTS})('Loss') !== null")
        assert max(loss_points(), default=0) <= 1  # nothing trained yet

        before = pixels(output)
        playground.get_by_role("button", name="Play").click()
        playground.get_by_role("button", name="Pause").wait_for()
        wait_until(lambda: pixels(output) != before, "the Playground's output to change")
        wait_until(
            lambda: len(loss_points()) == 2 and min(loss_points()) >= 50,
            "the training and test loss lines to get points",
        )
        page.wait_for_timeout(1500)  # a few more epochs, for the screenshot
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "dashboard.png", full_page=True)
        playground.get_by_role("button", name="Pause").click()
        playground.get_by_role("button", name="Play").wait_for()

        # The dashboard's own data-set buttons reach the Playground: a new network, and the
        # curves start over.
        page.locator(".widget-toggle-buttons").get_by_role("button", name="XOR").click()
        wait_until(lambda: max(loss_points(), default=0) <= 1, "the loss curves to start over")
        assert console.settle() == []
