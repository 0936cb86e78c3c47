// LossViz's chart: a plotly figure that stays mounted across reruns and is updated with
// Plotly.react, which redraws what changed (st.plotly_chart mounts a new chart on every change of
// its figure and draws it from scratch; docs/PERFORMANCE.md has the figures). Around it: a text
// alternative, keyboard controls for playback and the data as CSV, and the dark theme's colours.

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

// --- the dark theme: the page's background decides, the figure's greys follow ----------------

function isDark() {
  const app = document.querySelector('[data-testid="stApp"]') || document.body;
  const [r, g, b] = (getComputedStyle(app).backgroundColor.match(/[\d.]+/g) || [255, 255, 255]).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

const COLOR_KEYS = new Set(["color", "bgcolor", "gridcolor", "linecolor", "zerolinecolor", "bordercolor"]);

// A copy of `node` with every colour named in `colors` replaced; a trace's `meta.dark` (its
// colorscale in the dark) replaces its own keys. Colour scales are left alone otherwise.
function themed(node, colors) {
  if (Array.isArray(node)) return node.map((item) => themed(item, colors));
  if (node === null || typeof node !== "object" || ArrayBuffer.isView(node)) return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] = COLOR_KEYS.has(key) && typeof value === "string" && colors[value] ? colors[value]
      : key === "colorscale" ? value : themed(value, colors);
  }
  if (node.meta && node.meta.dark) Object.assign(copy, node.meta.dark);
  return copy;
}

// --- small screens: panels side by side are stacked when the chart is narrow ---------------------

const NARROW = 560;  // px: below it, two panels side by side leave each too little room to read

// A layout whose panels (one row of x/y axis pairs) are stacked top to bottom, each as tall as the
// whole chart was; a grid of maps with smaller titles; one panel as it is.
function stacked(layout) {
  const panels = Object.keys(layout).filter((key) => /^xaxis\d*$/.test(key) && layout[key].domain)
    .map((key) => [key, "yaxis" + key.slice(5)]).filter(([, y]) => layout[y]);
  const oneRow = panels.every(([, y]) => !layout[y].domain || (layout[y].domain[0] === 0 && layout[y].domain[1] === 1));
  if (panels.length < 2) return layout;
  if (!oneRow) {  // a grid of maps keeps its place: its titles get small, one word a line
    return { ...layout, annotations: (layout.annotations || []).map((note) => ({
      ...note, text: String(note.text).split(" ").join("<br>"), font: { ...note.font, size: 9 } })) };
  }
  const copy = { ...layout, height: (layout.height || 340) * panels.length };
  const gap = 0.12 / panels.length;
  panels.forEach(([x, y], index) => {
    const top = 1 - index / panels.length, bottom = 1 - (index + 1) / panels.length;
    copy[x] = { ...layout[x], domain: [0, 1] };
    copy[y] = { ...layout[y], domain: [bottom + (index < panels.length - 1 ? gap : 0), top - (index ? gap : 0)] };
  });
  return copy;
}

// --- playback: our own controls under the chart, not plotly's -----------------------------------

const PLOT_BOTTOM = 48;  // px: the margin under the plot for its x axis, as charts.layout sets it

// The layout without plotly's play buttons and epoch slider (ui/plot.js draws its own under the
// chart: plotly redraws its slider on every update, tens of ms of each slider move and drag step),
// and without the room they took.
function withoutPlayback(layout) {
  if (!layout.sliders && !layout.updatemenus) return layout;
  const { sliders, updatemenus, ...rest } = layout;
  const freed = Math.max(0, (rest.margin && rest.margin.b || 0) - PLOT_BOTTOM);
  return { ...rest, margin: { ...rest.margin, b: PLOT_BOTTOM }, height: (rest.height || 450) - freed };
}

// --- the text alternative: what the chart shows, in the page's words ----------------------------

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
}

function short(value) {
  return typeof value === "number" ? Number(value.toPrecision(3)).toString() : String(value);
}

function describe(graph, words) {
  const layout = graph._fullLayout;
  const panels = (layout._subplots.cartesian || []).map((id) => {
    const { xaxis, yaxis } = layout._plots[id];
    const [low, high] = xaxis.range || ["", ""];
    return fill(words.panel, { y: yaxis.title.text || "", x: xaxis.title.text || "", low: short(low),
                               high: short(high) });
  });
  const names = [...new Set(graph.data.filter((trace) => trace.name && trace.showlegend !== false)
    .map((trace) => trace.name))];
  return [panels.join("; "), names.length ? fill(words.series, { names: names.join(", ") }) : ""]
    .filter(Boolean).join(". ");
}

// --- the data behind the chart, as CSV ------------------------------------------------------------

function cell(value) {
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) return "";
  let text = String(value);
  // a spreadsheet must not run a name as a formula (numbers such as -1.5 stay as they are)
  if (/^[=+\-@]/.test(text) && Number.isNaN(Number(text))) text = "'" + text;
  return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function csvOf(graph) {
  const columns = [];
  // _fullData: the arrays decoded (the figure sends numpy's as base64 typed arrays)
  graph._fullData.filter((trace) => trace.visible !== false).forEach((trace, index) => {
    const name = trace.name || `${trace.type || "trace"} ${index + 1}`;
    if (trace.z) {  // a map: one row per cell
      const z = Array.from(trace.z, (row) => Array.from(row));
      const xs = [], ys = [], zs = [];
      z.forEach((row, i) => row.forEach((value, j) => {
        xs.push(trace.x ? trace.x[j] : j); ys.push(trace.y ? trace.y[i] : i); zs.push(value);
      }));
      columns.push([`${name} x`, xs], [`${name} y`, ys], [`${name} z`, zs]);
    } else {
      if (trace.x) columns.push([`${name} x`, Array.from(trace.x)]);
      if (trace.y) columns.push([`${name} y`, Array.from(trace.y)]);
    }
  });
  const rows = Math.max(0, ...columns.map(([, values]) => values.length));
  const lines = [columns.map(([title]) => cell(title)).join(",")];
  for (let i = 0; i < rows; i++) lines.push(columns.map(([, values]) => cell(values[i])).join(","));
  return lines.join("\n") + "\n";
}

// --- keyboard controls: playback and the data, shown while one of them has the focus ------------

// An animation that the next one (or a redraw) interrupts rejects its promise with no reason: nothing
// went wrong. Any other failure is passed on.
function interrupted(reason) {
  if (reason !== undefined) throw reason;
}

function button(label, onPress) {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = label;
  element.addEventListener("click", onPress);
  return element;
}

function controls(graph, figure, words, Plotly) {
  let bar = graph.parentElement.querySelector(".lossviz-keys");
  if (!bar) {
    bar = document.createElement("div");
    bar.className = "lossviz-keys";
    graph.after(bar);
  }
  bar.replaceChildren();
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", words.controls);
  const menu = (figure.layout.updatemenus || [])[0];
  const slider = (figure.layout.sliders || [])[0];
  const playback = Boolean(menu && slider && (figure.frames || []).length);
  bar.classList.toggle("lossviz-playback", playback);  // shown at all times, not only with the focus
  if (playback) {
    const [play, pause] = menu.buttons;
    const steps = slider.steps;
    const prefix = (slider.currentvalue && slider.currentvalue.prefix || "").trim();
    const epoch = document.createElement("input");
    epoch.type = "range";
    epoch.min = 0;
    epoch.max = steps.length - 1;
    epoch.step = 1;
    epoch.setAttribute("aria-label", prefix);
    const show = (index) => {
      epoch.value = index;
      epoch.setAttribute("aria-valuetext", `${prefix} ${steps[index].label}`);
      label.textContent = `${prefix} ${steps[index].label}`;
    };
    const label = document.createElement("span");
    label.className = "lossviz-epoch";
    const animate = (...args) => Plotly.animate(graph, ...args).catch(interrupted);
    epoch.addEventListener("input", () => {
      show(Number(epoch.value));
      animate(steps[Number(epoch.value)].args[0], steps[Number(epoch.value)].args[1]);
    });
    bar.append(button(play.label, () => animate(null, play.args[1])),
               button(pause.label, () => animate([null], pause.args[1])), epoch, label);
    show(slider.active ?? steps.length - 1);
    graph.lossvizShowFrame = (name) => {
      const index = steps.findIndex((step) => step.args[0][0] === name);
      if (index >= 0) show(index);
    };
  }
  bar.append(button(words.data, () => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([csvOf(graph)], { type: "text/csv" }));
    link.download = "lossviz-chart.csv";
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }));
}

export default function (component) {
  const { data, parentElement } = component;
  let graph = parentElement.querySelector(".lossviz-plot");
  if (!graph) {
    graph = document.createElement("div");
    graph.className = "lossviz-plot";
    graph.style.width = "100%";
    graph.setAttribute("role", "figure");
    parentElement.appendChild(graph);
  }
  const text = typeof data === "string" ? data : new TextDecoder().decode(data);
  graph.lossvizBytes = text.length;  // what this update sent (benchmarks/bench_browser.py reads it)
  const { figure, error: failed, words, dark, key, frames, extra, tallest } = JSON.parse(text);
  if (tallest && (figure.layout.height || 0) > tallest) figure.layout.height = tallest;  // presenter mode
  // a drag slider's frames (ui/drag.js reads them here; plotly need not hold them); null: keep the ones held
  if (extra !== null) graph.lossvizExtra = extra;
  figure.frames = frames;  // the animation's, sent beside the figure (charts.figure says why)
  graph.dataset.key = key;  // a drag slider finds its chart by it (ui/drag.js)
  // nothing a visitor does sends a chart's data anywhere: no "send to Chart Studio" or cloud link
  const config = { displaylogo: false, showSendToCloud: false, showEditInChartStudio: false, showLink: false,
                   modeBarButtonsToRemove: ["lasso2d", "select2d"] };
  const draw = (Plotly) => {
    const shown = isDark() ? themed(figure, dark) : figure;
    graph.lossvizDark = isDark();
    graph.lossvizNarrow = graph.clientWidth > 0 && graph.clientWidth < NARROW;
    const layout = withoutPlayback(graph.lossvizNarrow ? stacked(shown.layout) : shown.layout);
    // on a phone the toolbar would sit on the legend, and a finger zooms and pans by itself
    return Plotly.react(graph, { data: shown.data, layout, frames: shown.frames,
                                 config: { ...config, displayModeBar: !graph.lossvizNarrow && "hover" } });
  };
  // updates keep the order they came in: all wait on the one plotly.js promise, whose callbacks run in turn
  loadPlotly().then((Plotly) => {
    if (!graph.lossvizResize) {
      // the sidebar or a column can change the width without a window resize; plotly refuses (and
      // needs no resize of) a chart that a page switch has just hidden
      graph.lossvizResize = new ResizeObserver(() => {
        if (!graph.data) return;
        const narrow = graph.clientWidth > 0 && graph.clientWidth < NARROW;
        if (narrow !== graph.lossvizNarrow && graph.lossvizDraw) graph.lossvizDraw();  // stack or unstack
        else Plotly.Plots.resize(graph).catch(() => {});
      });
      graph.lossvizResize.observe(graph);
      // a theme chosen in the settings menu restyles the page, not the script: redraw in its colours
      const app = document.querySelector('[data-testid="stApp"]');
      if (app) {
        new MutationObserver(() => isDark() !== graph.lossvizDark && graph.lossvizDraw && graph.lossvizDraw())
          .observe(app, { attributes: true, attributeFilter: ["class", "style"] });
      }
    }
    graph.lossvizDraw = () => draw(Plotly);
    return draw(Plotly).then(() => {
      const preview = parentElement.querySelector(".lossviz-preview");  // a drag's note (ui/drag.js)
      if (preview) preview.remove();
      graph.setAttribute("aria-label", describe(graph, words));
      controls(graph, figure, words, Plotly);
      if (!graph.lossvizFrames) {
        graph.lossvizFrames = true;
        graph.on("plotly_animatingframe", (event) => graph.lossvizShowFrame && graph.lossvizShowFrame(event.name));
      }
    });
  }, () => {
    graph.textContent = failed;  // plotly.js did not load; said in the page's language
  });
}
