// A slider whose chart follows it while it is dragged: the server sends, with the chart, what it
// shows at a few dozen of the slider's stops as plotly frames named "<slider>=<value>", and each
// move of the thumb shows the nearest one in the browser (no round trip). A press on a slider whose
// frames the chart does not hold asks the server for them. On release, or on a key press, the exact
// value goes to the server, which redraws the chart from the numpy core as always.
// A frame may carry a `note`: what it shows where that is less than the chart after a release (a
// preview: the new data with the models as last trained). It stands over the chart while it shows.
// data: {name, label, help, min, max, step, value, decimals, stops (values of a log slider's
//        positions, or null), texts (each position as shown, or null), chart (the key of the chart
//        it drives)}

function chartOf(key) {
  return document.querySelector(`.lossviz-plot[data-key="${CSS.escape(key)}"]`);
}

// A frame's trace with its dotted keys ("marker.size") as the nested objects an animation step reads.
function nested(trace) {
  const out = {};
  for (const [key, value] of Object.entries(trace)) {
    const path = key.split(".");
    let node = out;
    for (const part of path.slice(0, -1)) node = node[part] = node[part] || {};
    node[path[path.length - 1]] = value;
  }
  return out;
}

// The note of the frame shown over the chart, or none; the chart's next draw removes it (ui/plot.js).
function note(graph, text) {
  let shown = graph.parentElement.querySelector(".lossviz-preview");
  if (!text) {
    if (shown) shown.remove();
    return;
  }
  if (!shown) {
    shown = document.createElement("div");
    shown.className = "lossviz-preview";
    shown.setAttribute("role", "note");
    graph.parentElement.style.position = "relative";
    graph.before(shown);
  }
  shown.textContent = text;
  // at the foot of the plot, over its axis titles: the legend and the panels' titles stay in view
  shown.style.top = `${Math.max(0, graph.offsetTop + graph.offsetHeight - shown.offsetHeight - 6)}px`;
}

// A step's animation that a redraw interrupts rejects with no reason (as in ui/plot.js, a component of
// its own): nothing went wrong. Any other failure is passed on.
function interrupted(reason) {
  if (reason !== undefined) throw reason;
}

// The layout a drag step applied over the chart as the server drew it: none yet. A frame with no
// layout of its own (a curve's) needs none, so even the drag's first step moves its traces alone.
const AS_DRAWN = JSON.stringify({});

export default function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  const spec = JSON.parse(typeof data === "string" ? data : new TextDecoder().decode(data));
  let root = parentElement.querySelector(".lossviz-drag");
  if (!root) {
    root = document.createElement("div");
    root.className = "lossviz-drag";
    const id = `lossviz-drag-${Math.random().toString(36).slice(2)}`;
    root.innerHTML = `<div class="lossviz-drag-head"><label for="${id}"></label>
      <span class="lossviz-drag-help" aria-hidden="true">?</span><output for="${id}"></output></div>
      <input id="${id}" type="range" aria-describedby="${id}-help"><span id="${id}-help" hidden></span>`;
    parentElement.appendChild(root);
    const input = root.querySelector("input");
    root.dragging = false;
    root.pending = null;
    root.frames = [];
    const valueAt = () => (root.spec.stops ? root.spec.stops[Number(input.value)] : Number(input.value));
    const position = () => Math.round((Number(input.value) - Number(input.min)) / Number(input.step));
    root.show = () => {
      const text = root.spec.texts ? root.spec.texts[position()] : valueAt().toFixed(root.spec.decimals);
      root.querySelector("output").textContent = text;
      input.setAttribute("aria-valuetext", text);
      input.setAttribute("value", input.value);
    };
    const held = () => {  // [[value, frame], ...]: this slider's frames the chart holds (ui/plot.js)
      const graph = chartOf(root.spec.chart);
      const prefix = `${root.spec.name}=`;
      root.extra = graph && graph.lossvizExtra;
      return (root.extra || []).filter((frame) => frame.name.startsWith(prefix))
        .map((frame) => [Number(frame.name.slice(prefix.length)), frame]);
    };
    const scrub = () => {  // the latest position wins: one plotly step at a time, each drawn
      root.pending = null;
      if (root.busy) {
        root.again = true;
        return;
      }
      const graph = chartOf(root.spec.chart);
      // they may arrive during the drag, or be replaced (a preview by the lab's own runs)
      if (graph && graph.lossvizExtra !== root.extra) {
        root.frames = held();
        root.shown = null;
        root.layout = AS_DRAWN;
      }
      if (!graph || !root.frames.length || !window.Plotly) return;
      const value = valueAt();
      const [, frame] = root.frames.reduce((best, stop) =>
        Math.abs(stop[0] - value) < Math.abs(best[0] - value) ? stop : best);
      if (frame === root.shown) return;
      root.shown = frame;
      note(graph, frame.note);
      // traces by index, or by meta.uid where a figure's traces come and go (a diverged run's cross)
      const indices = frame.uids
        ? frame.uids.map((uid) => graph.data.findIndex((trace) => trace.meta && trace.meta.uid === uid))
        : frame.traces;
      const kept = indices.map((index, i) => [index, frame.data[i]]).filter(([index]) => index >= 0);
      const traces = kept.map(([index]) => index);
      root.busy = true;
      // a step that fails at once still frees the next one
      Promise.resolve().then(() => step(graph, frame, kept, traces)).finally(() => {
        root.busy = false;
        if (root.again) {
          root.again = false;
          root.pending = requestAnimationFrame(scrub);
        }
      }).catch(interrupted);
    };
    // A frame's layout (its axes' ranges) is applied once: frames that share one redraw no axes.
    // Lines and markers then move by an animation step, which redraws them alone (a restyle redraws
    // the whole chart: half as fast again); a map needs the redraw. A step runs only once the one
    // before it is drawn: interrupted, it would be dropped unseen.
    const step = (graph, frame, kept, traces) => {
      const layout = JSON.stringify(frame.layout || {});
      if (layout === root.layout && traces.every((index) => (graph.data[index].type || "scatter") === "scatter")) {
        // a step empties the panels it names no trace of: it names one of each, unchanged
        const panel = (trace) => `${trace.xaxis || "x"} ${trace.yaxis || "y"}`;
        const named = new Set(traces.map((index) => panel(graph.data[index])));
        const others = [];
        graph.data.forEach((trace, index) => {
          if (!named.has(panel(trace))) {
            named.add(panel(trace));
            others.push(index);
          }
        });
        const data = [...kept.map(([, trace]) => nested(trace)), ...others.map(() => ({}))];
        return window.Plotly.animate(graph, { data, traces: [...traces, ...others] },
                                     { mode: "immediate", transition: { duration: 0 },
                                       frame: { duration: 0, redraw: false } });
      }
      const update = {};
      for (const [, trace] of kept) for (const key of Object.keys(trace)) update[key] = [];
      for (const key of Object.keys(update)) for (const [, trace] of kept) update[key].push(trace[key]);
      if (layout === root.layout) return window.Plotly.restyle(graph, update, traces);
      root.layout = layout;
      return window.Plotly.update(graph, update, frame.layout || {}, traces);
    };
    input.addEventListener("pointerdown", () => {
      root.dragging = true;
      root.shown = null;
      root.layout = AS_DRAWN;  // a rerun may have redrawn the chart since the last drag
      root.frames = held();
      if (!root.frames.length) setTriggerValue("arm", true);  // ask for this slider's frames
    });
    input.addEventListener("input", () => {
      root.show();
      if (root.pending === null) root.pending = requestAnimationFrame(scrub);
    });
    input.addEventListener("change", () => {  // released, or moved by a key: the exact value
      if (root.dragging) setStateValue("released", [valueAt(), Date.now()]);  // each release a change
      else setStateValue("value", valueAt());
      root.dragging = false;
    });
  }
  root.spec = spec;
  const input = root.querySelector("input");
  root.querySelector("label").textContent = spec.label;
  root.querySelector(".lossviz-drag-help").title = spec.help || "";
  root.querySelector(".lossviz-drag-help").hidden = !spec.help;
  root.querySelector(`#${CSS.escape(input.id)}-help`).textContent = spec.help || "";
  input.setAttribute("aria-label", spec.label);
  if (spec.stops) {
    Object.assign(input, { min: 0, max: spec.stops.length - 1, step: 1 });
  } else {
    Object.assign(input, { min: spec.min, max: spec.max, step: spec.step });
  }
  for (const key of ["min", "max", "step"]) input.setAttribute(key, input[key]);
  if (!root.dragging) {
    input.value = spec.stops ? spec.stops.indexOf(spec.value) : spec.value;
    root.show();
  }
}
