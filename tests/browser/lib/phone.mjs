// Pages on a phone (390 × 844): what a reader with a small screen gets.
//
// Three things are checked on the page as rendered, not on its HTML, because a figure that
// shrinks is only found by measuring it: the page does not scroll sideways (a wide table
// may scroll inside its own box); no visible SVG text is drawn smaller than 11 px (its font
// size times the SVG's scale on screen); and on right-to-left pages every visible bar chart
// is mirrored (the first series' bars share their right edge and grow to the left) and its category
// labels are in the page's script, not English.

export const PHONE = { width: 390, height: 844 };
// The smallest text a reader can be expected to read on a phone.
const MIN_TEXT_PX = 11;

/** What the checks need, measured in the page. */
function measure() {
  const visible = (element) => element.checkVisibility() && element.getClientRects().length > 0;
  const root = document.documentElement;
  const overflowing = [...document.querySelectorAll("body *")]
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return visible(element) && (box.right > root.clientWidth + 1 || box.left < -1);
    })
    .filter((element) => !element.closest(".table-scroll"))
    .slice(0, 3)
    .map((element) => `${element.tagName.toLowerCase()}${element.className && typeof element.className === "string" ? "." + element.className.split(" ")[0] : ""} (${Math.round(element.getBoundingClientRect().width)} px)`);
  const texts = [...document.querySelectorAll("svg text")].filter(visible).map((text) => {
    const scale = Math.hypot(text.getScreenCTM()?.a ?? 1, text.getScreenCTM()?.b ?? 0);
    return { text: text.textContent.trim(), px: parseFloat(getComputedStyle(text).fontSize) * scale };
  });
  const barCharts = [...document.querySelectorAll("svg.chart-bar, svg.chart-grouped-bar, svg.chart-stacked-bar")]
    .filter(visible)
    .map((svg) => {
      const bars = [...svg.querySelectorAll("rect.bar.series-1")].map((bar) => bar.getBoundingClientRect()).filter((box) => box.width > 0.5);
      const spread = (values) => Math.max(...values) - Math.min(...values);
      const labels = [...svg.querySelectorAll("g.labels text")].map((text) => text.textContent.trim());
      return {
        id: svg.id,
        bars: bars.length,
        leftSpread: spread(bars.map((box) => box.left)),
        rightSpread: spread(bars.map((box) => box.right)),
        labels,
      };
    });
  return {
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
    overflowing,
    texts,
    barCharts,
  };
}

/** Whether a label is English words rather than numbers, ids or the page's script. */
function isLatinWords(label) {
  return /[A-Za-z]{2,}/.test(label) && !/[\u0600-\u06FF]/.test(label);
}

/** The problems of the page now loaded in `page` (at PHONE size), read in `direction`. */
export async function phoneProblems(page, { direction }) {
  const found = await page.evaluate(measure);
  const problems = [];
  if (found.scrollWidth > found.clientWidth + 1) {
    problems.push(`the page scrolls sideways: ${found.scrollWidth} px wide at ${found.clientWidth} px (${found.overflowing.join(", ") || "no single element"})`);
  }
  const small = found.texts.filter((text) => text.px < MIN_TEXT_PX - 0.05);
  if (small.length > 0) {
    const smallest = small.reduce((a, b) => (a.px <= b.px ? a : b));
    problems.push(`${small.length} SVG text(s) under ${MIN_TEXT_PX} px, the smallest "${smallest.text.slice(0, 30)}" at ${smallest.px.toFixed(1)} px`);
  }
  if (direction === "rtl") {
    for (const chart of found.barCharts) {
      if (chart.bars > 1 && !(chart.rightSpread < 1 && chart.leftSpread > 1)) {
        problems.push(`bar chart #${chart.id} is not mirrored: its bars do not share their right edge (left edges spread ${chart.leftSpread.toFixed(0)} px, right edges ${chart.rightSpread.toFixed(0)} px)`);
      }
      const english = chart.labels.filter(isLatinWords);
      if (english.length > 0) problems.push(`bar chart #${chart.id} has labels in English: ${english.slice(0, 3).map((label) => `"${label}"`).join(", ")}`);
    }
  }
  return problems;
}
