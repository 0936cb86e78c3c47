// A slider whose chart follows it while it is dragged: the server sends, with the chart, what it
// shows at a few dozen of the slider's stops as plotly frames named "<slider>=<value>", and each
// move of the thumb shows the nearest one in the browser (no round trip). A press on a slider whose
// frames the chart does not hold asks the server for them. On release, or on a key press, the exact
// value goes to the server, which redraws the chart from the numpy core as always.
// data: {name, label, help, min, max, step, value, decimals, stops (values of a log slider's
//        positions, or null), chart (the key of the chart it drives)}

function chartOf(key) {
  return document.querySelector(`.lossviz-plot[data-key="${CSS.escape(key)}"]`);
}

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
    root.show = () => {
      const text = valueAt().toFixed(root.spec.decimals);
      root.querySelector("output").textContent = text;
      input.setAttribute("aria-valuetext", text);
      input.setAttribute("value", input.value);
    };
    const held = () => {  // [[value, frame], ...]: this slider's frames the chart holds (ui/plot.js)
      const graph = chartOf(root.spec.chart);
      const prefix = `${root.spec.name}=`;
      return ((graph && graph.lossvizExtra) || []).filter((frame) => frame.name.startsWith(prefix))
        .map((frame) => [Number(frame.name.slice(prefix.length)), frame]);
    };
    const scrub = () => {  // the latest position wins: one plotly step per animation frame
      root.pending = null;
      const graph = chartOf(root.spec.chart);
      if (!root.frames.length) root.frames = held();  // they may arrive during the drag
      if (!graph || !root.frames.length || !window.Plotly) return;
      const value = valueAt();
      const [, frame] = root.frames.reduce((best, stop) =>
        Math.abs(stop[0] - value) < Math.abs(best[0] - value) ? stop : best);
      if (frame === root.shown) return;
      root.shown = frame;
      // traces by index, or by meta.uid where a figure's traces come and go (a diverged run's cross)
      const indices = frame.uids
        ? frame.uids.map((uid) => graph.data.findIndex((trace) => trace.meta && trace.meta.uid === uid))
        : frame.traces;
      const kept = indices.map((index, i) => [index, frame.data[i]]).filter(([index]) => index >= 0);
      const update = {};
      for (const [, trace] of kept) for (const key of Object.keys(trace)) update[key] = [];
      for (const key of Object.keys(update)) for (const [, trace] of kept) update[key].push(trace[key]);
      // restyle draws at once; an animate step in "immediate" mode drops the one before it unseen.
      // A frame's layout (its axes' ranges) is applied once: frames that share one redraw no axes.
      const layout = JSON.stringify(frame.layout || {});
      if (layout === root.layout) {
        window.Plotly.restyle(graph, update, kept.map(([index]) => index));
      } else {
        root.layout = layout;
        window.Plotly.update(graph, update, frame.layout || {}, kept.map(([index]) => index));
      }
    };
    input.addEventListener("pointerdown", () => {
      root.dragging = true;
      root.shown = root.layout = null;  // a rerun may have redrawn the chart since the last drag
      root.frames = held();
      if (!root.frames.length) setTriggerValue("arm", true);  // ask for this slider's frames
    });
    input.addEventListener("input", () => {
      root.show();
      if (root.pending === null) root.pending = requestAnimationFrame(scrub);
    });
    input.addEventListener("change", () => {  // released, or moved by a key: the exact value
      root.dragging = false;
      setStateValue("value", valueAt());
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
