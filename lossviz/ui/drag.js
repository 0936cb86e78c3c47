// A slider whose chart follows it while it is dragged: the server sends, with the chart, the curves
// at a few dozen of the slider's stops as plotly frames, and each move of the thumb shows the
// nearest one in the browser (no round trip). On release, or on a key press, the
// exact value goes to the server, which redraws the chart from the numpy core as always.
// data: {label, help, min, max, step, value, decimals, stops (values of a log slider's positions, or
//        null), chart (the key of the chart it drives), frames ([[value, frame name], ...] or [])}

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
    const valueAt = () => (root.spec.stops ? root.spec.stops[Number(input.value)] : Number(input.value));
    root.show = () => {
      const text = valueAt().toFixed(root.spec.decimals);
      root.querySelector("output").textContent = text;
      input.setAttribute("aria-valuetext", text);
      input.setAttribute("value", input.value);
    };
    const scrub = () => {  // the latest position wins: one plotly step per animation frame
      root.pending = null;
      const graph = chartOf(root.spec.chart);
      if (!graph || !root.spec.frames.length || !window.Plotly) return;
      const value = valueAt();
      const [, name] = root.spec.frames.reduce((best, frame) =>
        Math.abs(frame[0] - value) < Math.abs(best[0] - value) ? frame : best);
      const frame = graph._transitionData && graph._transitionData._frameHash[name];
      if (!frame || name === root.shown) return;
      root.shown = name;
      // restyle draws at once; an animate step in "immediate" mode drops the one before it unseen
      window.Plotly.restyle(graph, { y: frame.data.map((trace) => trace.y) }, frame.traces);
    };
    input.addEventListener("pointerdown", () => {
      root.dragging = true;
      if (!root.spec.frames.length) setTriggerValue("arm", true);  // ask for this slider's frames
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
