// LossViz's chart: a plotly figure that stays mounted across reruns and is updated with
// Plotly.react, which redraws what changed (st.plotly_chart mounts a new chart on every change of
// its figure and draws it from scratch; docs/PERFORMANCE.md has the figures).

let loading = null;

function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL("app/static/plotly-cartesian.min.js", document.baseURI).href;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { loading = null; reject(new Error("plotly.js did not load")); };
      document.head.appendChild(script);
    });
  }
  return loading;
}

export default function (component) {
  const { data, parentElement } = component;
  let graph = parentElement.querySelector(".lossviz-plot");
  if (!graph) {
    graph = document.createElement("div");
    graph.className = "lossviz-plot";
    graph.style.width = "100%";
    parentElement.appendChild(graph);
  }
  const text = typeof data === "string" ? data : new TextDecoder().decode(data);
  const { figure, error: failed } = JSON.parse(text);
  // nothing a visitor does sends a chart's data anywhere: no "send to Chart Studio" or cloud link
  const config = { displaylogo: false, showSendToCloud: false, showEditInChartStudio: false, showLink: false,
                   modeBarButtonsToRemove: ["lasso2d", "select2d"] };
  // updates keep the order they came in: all wait on the one plotly.js promise, whose callbacks run in turn
  loadPlotly().then((Plotly) => {
    if (!graph.lossvizResize) {
      // the sidebar or a column can change the width without a window resize; plotly refuses (and
      // needs no resize of) a chart that a page switch has just hidden
      graph.lossvizResize = new ResizeObserver(() => graph.data && Plotly.Plots.resize(graph).catch(() => {}));
      graph.lossvizResize.observe(graph);
    }
    return Plotly.react(graph, { data: figure.data, layout: figure.layout, frames: figure.frames || [], config });
  }, () => {
    graph.textContent = failed;  // plotly.js did not load; said in the page's language
  });
}
