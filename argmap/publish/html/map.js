// argmap's interactive map. Draws the layout Graphviz computed (in the JSON data element) and
// lets a reader pan, zoom, search, inspect, follow relations, collapse and evaluate.
// Every string from the brief goes into the page through textContent or an attribute value,
// never as markup.
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const data = JSON.parse(document.getElementById("argmap-data").textContent);
  const nodes = data.nodes || [];
  const edges = data.edges || [];
  const kinds = data.kinds || {};
  const edgeKinds = data.edgeKinds || {};
  const words = data.verdictWords || {in: "stands", out: "falls", undec: "open"};
  const SUPPORTING = {support: 1, premise: 1, conclusion: 1};
  // On a large map seen whole, labels would be a few pixels high: the scale below which they
  // are left out until the reader zooms in (0: always drawn).
  const FAR = nodes.length > 300 ? 4.5 / 11 : 0;
  const DASHES = {dashed: "5 3", dotted: "1.5 2.5"};
  // How the panel names a relation, seen from its source and from its target.
  const RELATION_WORDS = {support: ["Supports", "Supported by"], attack: ["Attacks", "Attacked by"],
    conclusion: ["Supports", "Supported by"], premise: ["Premise of", "Premises (together)"],
    concedes: ["Concedes", "Conceded by"], outweighs: ["Outweighs", "Outweighed by"],
    option: ["Options", "An option for"], rephrases: ["Rephrases", "Rephrased by"],
    contrary: ["Contrary to", "Contrary to"], contradicts: ["Contradicts", "Contradicted by"]};
  const SEMANTICS_NAMES = {grounded: "grounded", dfquad: "DF-QuAD",
                           "quadratic-energy": "quadratic energy"};

  // --- small helpers ------------------------------------------------------------------------
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const key in attrs || {}) node.setAttribute(key, attrs[key]);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const key in attrs || {}) node.setAttribute(key, attrs[key]);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function textOf(n) { return n.text !== undefined ? n.text : (n.lines || []).join(" "); }
  function kindName(n) { return (kinds[n.kind] || {}).name || n.kind; }
  function short(s, max) { return s.length > max ? s.slice(0, max - 1) + "\u2026" : s; }
  function label(n) {
    if (n.kind === "argument") return "Linked argument" + (n.text ? ": " + n.text : " " + n.id);
    return kindName(n) + ": " + textOf(n);
  }

  // --- relations ------------------------------------------------------------------------------
  const incoming = nodes.map(() => []);
  const outgoing = nodes.map(() => []);
  edges.forEach((e, i) => { outgoing[e[0]].push(i); incoming[e[1]].push(i); });
  function reach(start, forward) {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length) {
      const at = queue.pop();
      for (const i of (forward ? outgoing : incoming)[at]) {
        if (!SUPPORTING[edges[i][2]]) continue;
        const other = forward ? edges[i][1] : edges[i][0];
        if (!seen.has(other)) { seen.add(other); queue.push(other); }
      }
    }
    seen.delete(start);
    return seen;
  }
  // What rests on a node only: nodes all of whose relations lead into it (or into others
  // hidden with it). A premise that also supports something else stays in view.
  function restsOnOnly(start) {
    const hidden = new Set();
    let changed = true;
    const candidates = new Set();
    (function collect(at) {
      for (const i of incoming[at]) {
        const other = edges[i][0];
        if (other !== start && !candidates.has(other)) { candidates.add(other); collect(other); }
      }
    })(start);
    while (changed) {
      changed = false;
      for (const c of candidates) {
        if (hidden.has(c)) continue;
        const outs = outgoing[c];
        if (outs.length && outs.every(i => edges[i][1] === start || hidden.has(edges[i][1]))) {
          hidden.add(c); changed = true;
        }
      }
    }
    return hidden;
  }

  // --- the page -------------------------------------------------------------------------------
  const app = el("div", {class: "am-app"});
  const bar = el("header", {class: "am-bar", role: "toolbar", "aria-label": "Map controls"});
  const heading = el("h1", {}, data.title || "Argument map");
  if (data.caption) heading.appendChild(el("small", {class: "am-caption"}, data.caption));
  bar.appendChild(heading);
  const search = el("div", {class: "am-search", role: "search"});
  const query = el("input", {type: "search", id: "am-q", placeholder: "Search words or id",
                             "aria-label": "Search statements by words or id",
                             autocomplete: "off", "aria-controls": "am-results"});
  const results = el("ul", {class: "am-results", id: "am-results", role: "listbox",
                            "aria-label": "Search results"});
  results.hidden = true;
  search.append(query, results);
  bar.appendChild(search);
  function button(text, title, handler) {
    const b = el("button", {type: "button", title: title, "aria-label": title}, text);
    b.addEventListener("click", handler);
    return b;
  }
  const evalBox = el("input", {type: "checkbox", id: "am-eval"});
  const evalLabel = el("label", {class: "am-toggle", for: "am-eval"});
  evalLabel.append(evalBox, document.createTextNode("Evaluation"));
  const semantics = el("select", {id: "am-semantics", "aria-label": "Semantics"});
  for (const name of Object.keys(data.evaluations || {})) {
    semantics.appendChild(el("option", {value: name}, SEMANTICS_NAMES[name] || name));
  }
  const hasMap = nodes.length > 0;
  if (hasMap) {
    bar.append(button("Fit", "Fit the map to the window (0)", () => fit()),
               button("+", "Zoom in (+)", () => zoomBy(1.25)),
               button("\u2212", "Zoom out (\u2212)", () => zoomBy(0.8)));
    if (semantics.options.length) bar.append(evalLabel, semantics);
    bar.append(button("Print", "Print the map", () => window.print()));
  }
  app.appendChild(bar);
  if (data.error) app.appendChild(el("div", {class: "am-banner", role: "alert"}, data.error));
  const body = el("div", {class: "am-body"});
  const mapBox = el("div", {class: "am-map", tabindex: "0", role: "region",
    "aria-label": "Argument map. Arrow keys pan, plus and minus zoom, 0 fits; Tab moves " +
                  "through the statements, Enter shows one."});
  const canvas = svg("svg", {role: "group", "aria-label": data.title || "Argument map"});
  const viewport = svg("g");
  canvas.appendChild(viewport);
  mapBox.appendChild(canvas);
  const side = el("aside", {class: "am-side", "aria-label": "Details"});
  const panel = el("section", {class: "am-panel", "aria-live": "polite", id: "am-panel"});
  const diags = el("section", {class: "am-diags", id: "am-diags"});
  const legendBox = el("section", {class: "am-legend-box", id: "am-legend"});
  side.append(panel, diags, legendBox);
  if (hasMap) body.appendChild(mapBox);
  body.appendChild(side);
  app.appendChild(body);
  document.body.appendChild(app);

  // --- drawing ----------------------------------------------------------------------------------
  const clusterLayer = svg("g", {class: "am-clusters"});
  const edgeLayer = svg("g", {class: "am-edges", "aria-hidden": "true"});
  const nodeLayer = svg("g", {class: "am-nodes"});
  viewport.append(clusterLayer, edgeLayer, nodeLayer);
  // One listener for all statements (a map may have thousands): the event names its node.
  function nodeOf(ev) {
    const g = ev.target.closest ? ev.target.closest(".am-node") : null;
    return g ? Number(g.getAttribute("data-i")) : -1;
  }
  nodeLayer.addEventListener("click", ev => {
    const i = nodeOf(ev);
    if (i >= 0) { ev.stopPropagation(); select(i, false); }
  });
  nodeLayer.addEventListener("keydown", ev => {
    const i = nodeOf(ev);
    if (i >= 0 && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); select(i, false); }
  });
  nodeLayer.addEventListener("focusin", ev => {
    const i = nodeOf(ev);
    if (i >= 0 && !inView(i)) centreOn(i, false);
  });
  const nodeEls = [];
  const edgeEls = [];
  const undercutEls = [];
  const verdictEls = [];
  const shapeEls = [];

  function shape(n, style) {
    const [x, y, w, h] = n.box;
    const x0 = x - w / 2, y0 = y - h / 2, x1 = x + w / 2, y1 = y + h / 2;
    const attrs = {class: "am-shape", fill: style.fill || "#fff", stroke: style.border || "#333",
                   "stroke-width": style.bold ? 2.2 : 1.2};
    const s = style.shape;
    let out;
    if (s === "circle") {
      out = svg("circle", Object.assign(attrs, {cx: x, cy: y, r: w / 2}));
    } else if (s === "note") {
      const f = Math.min(9, h / 3);
      out = svg("path", Object.assign(attrs, {d: `M${x0},${y0}H${x1 - f}L${x1},${y0 + f}V${y1}H${x0}Z` +
        `M${x1 - f},${y0}V${y0 + f}H${x1}`}));
    } else if (s === "octagon") {
      const c = Math.min(w * 0.09, 14), d = h * 0.29;
      out = svg("polygon", Object.assign(attrs, {points: [[x0 + c, y0], [x1 - c, y0], [x1, y0 + d],
        [x1, y1 - d], [x1 - c, y1], [x0 + c, y1], [x0, y1 - d], [x0, y0 + d]].join(" ")}));
    } else {
      out = svg("rect", Object.assign(attrs, {x: x0, y: y0, width: w, height: h,
                                                rx: style.rounded ? 9 : 0}));
    }
    return out;
  }

  function drawNode(n, i) {
    const style = kinds[n.kind] || {shape: "box", fill: "#ffffff", border: "#555555", font: "#111111"};
    const g = svg("g", {class: "am-node am-" + n.kind + (n.implicit ? " am-implicit" : ""),
                        tabindex: "0", role: "button", "aria-label": label(n),
                        "data-id": n.id});
    const title = svg("title", {}, label(n));
    const body = shape(n, style);
    g.append(title, body);
    shapeEls[i] = body;
    g.setAttribute("data-i", String(i));
    if (!FAR) drawText(i, g);
    return g;
  }

  // The lines of a statement's label, drawn as Graphviz sized its box.
  function drawText(i, g) {
    const n = nodes[i];
    const style = kinds[n.kind] || {font: "#111111"};
    if (n.kind === "argument") return;
    const lines = (n.said || []).map(t => [t, 9, "said"])
      .concat((n.lines || []).map(t => [t, 11, false]))
      .concat((n.to || []).map(t => [t, 10, true]));
    // Graphviz sized the box for these lines and a verdict line of 9 points, with margins of
    // 0.06 inch above and below: spread the lines over that height as it did.
    const sizes = lines.reduce((sum, l) => sum + l[1], 0) + 9;
    const f = Math.max(0.95, Math.min(1.4, (n.box[3] - 8.6) / sizes));
    let y = n.box[1] - (sizes * f) / 2;
    const text = svg("text", {x: n.box[0], "text-anchor": "middle", fill: style.font || "#111",
                              "font-family": "Helvetica, Arial, sans-serif"});
    for (const [t, size, bold] of lines) {
      y += size * f;
      const span = svg("tspan", {x: n.box[0], y: (y - size * 0.2).toFixed(1), "font-size": size * 0.94}, t);
      if (bold === "said") span.setAttribute("font-style", "italic");
      else if (bold) span.setAttribute("font-weight", "bold");
      text.appendChild(span);
    }
    y += 9 * f;
    const verdict = svg("tspan", {x: n.box[0], y: (y - 9 * 0.2).toFixed(1), "font-size": 9,
                                  class: "am-verdict"});
    text.appendChild(verdict);
    verdictEls[i] = verdict;
    g.appendChild(text);
  }

  function drawEdge(e) {
    const style = edgeKinds[e[2]] || {colour: "#777777", line: "dashed", head: "normal"};
    const p = e[4];
    const g = svg("g", {class: "am-edge am-e-" + e[2] + (e[3] ? " am-undercut" : "")});
    if (p.length >= 4) {
      let d = `M${p[0]},${p[1]}`;
      for (let k = 2; k + 5 < p.length - 2; k += 6) {
        d += `C${p[k]},${p[k + 1]} ${p[k + 2]},${p[k + 3]} ${p[k + 4]},${p[k + 5]}`;
      }
      const width = e[2] === "attack" ? 1.6 : style.line === "bold" ? 2.4 : 1.3;
      const line = svg("path", {d: d, stroke: style.colour, "stroke-width": width, fill: "none"});
      if (DASHES[style.line]) line.setAttribute("stroke-dasharray", DASHES[style.line]);
      g.appendChild(line);
      const lx = p[p.length - 4], ly = p[p.length - 3], ex = p[p.length - 2], ey = p[p.length - 1];
      const dx = ex - lx, dy = ey - ly, len = Math.hypot(dx, dy);
      if (len > 0.5 && style.head !== "none") {
        const nx = -dy / len, ny = dx / len;
        let head;
        if (style.head === "tee") {
          const tx = lx + dx * 0.75, ty = ly + dy * 0.75, half = len * 0.55;
          head = svg("path", {d: `M${lx},${ly}L${ex},${ey}M${tx + nx * half},${ty + ny * half}` +
                                 `L${tx - nx * half},${ty - ny * half}`,
                              stroke: style.colour, "stroke-width": width + 0.6, fill: "none"});
        } else if (style.head === "odiamond" || style.head === "diamond") {
          const half = len * 0.3, mx = (lx + ex) / 2, my = (ly + ey) / 2;
          head = svg("path", {d: `M${ex},${ey}L${mx + nx * half},${my + ny * half}L${lx},${ly}` +
                                 `L${mx - nx * half},${my - ny * half}Z`,
                              fill: style.head === "diamond" ? style.colour : "#ffffff",
                              stroke: style.colour, "stroke-width": 1.2});
        } else {
          const half = len * 0.36;
          head = svg("path", {d: `M${ex},${ey}L${lx + nx * half},${ly + ny * half}` +
                                 `L${lx - nx * half},${ly - ny * half}Z`,
                              fill: style.head === "empty" ? "#ffffff" : style.colour,
                              stroke: style.colour, "stroke-width": 1});
        }
        head.setAttribute("class", "am-edge-head");
        g.appendChild(head);
      }
    }
    return g;
  }

  // An undercut of a single support or attack: a line from the undercutter to the middle of
  // the relation it denies, ending in the attack's bar.
  function drawUndercut(u, k) {
    const p = edges[k][4];
    const g = svg("g", {class: "am-edge am-e-undercut am-undercut"});
    if (p.length < 10) return g;
    const segments = Math.floor((p.length - 4) / 6), at = 2 + 6 * Math.floor((segments - 1) / 2) - 2;
    const [x0, y0, x1, y1, x2, y2, x3, y3] = p.slice(at, at + 8);
    const mx = (x0 + 3 * x1 + 3 * x2 + x3) / 8, my = (y0 + 3 * y1 + 3 * y2 + y3) / 8;
    const [cx, cy, w, h] = nodes[u].box;
    const dx = mx - cx, dy = my - cy;
    const scale = Math.min(Math.abs(dx) > 0 ? (w / 2) / Math.abs(dx) : Infinity,
                           Math.abs(dy) > 0 ? (h / 2) / Math.abs(dy) : Infinity, 1);
    const sx = cx + dx * scale, sy = cy + dy * scale, len = Math.hypot(mx - sx, my - sy) || 1;
    const nx = -(my - sy) / len * 6, ny = (mx - sx) / len * 6;
    const st = edgeKinds.undercut || edgeKinds.attack || {colour: "#c62828"};
    g.appendChild(svg("path", {d: `M${sx},${sy}L${mx},${my}M${mx + nx},${my + ny}L${mx - nx},${my - ny}`,
                               stroke: st.colour, "stroke-width": 1.6, fill: "none",
                               "stroke-dasharray": "5 3"}));
    return g;
  }

  const clusterEls = [];
  function drawCluster(c, i) {
    const [x, y, w, h] = c.box;
    const g = svg("g", {class: "am-cluster"});
    const rect = svg("rect", {x: x, y: y, width: w, height: h, rx: 8, fill: "#f4f4f4",
                              stroke: "#c8c8c8"});
    const head = svg("g", {class: "am-cluster-label", tabindex: "0", role: "button",
                           "aria-expanded": "true",
                           "aria-label": "Section " + c.title + ": collapse or expand"});
    const text = svg("text", {x: x + 10, y: y + 18, "font-size": 13, fill: "#444444",
                              "font-family": "Helvetica, Arial, sans-serif"});
    head.appendChild(text);
    g.append(rect, head);
    head.addEventListener("click", ev => { ev.stopPropagation(); toggleCluster(i); });
    head.addEventListener("keydown", ev => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); toggleCluster(i); }
    });
    clusterEls[i] = {g: g, rect: rect, head: head, text: text};
    return g;
  }

  function draw() {
    const clusters = data.clusters || [];
    const f1 = document.createDocumentFragment();
    clusters.forEach((c, i) => f1.appendChild(drawCluster(c, i)));
    clusterLayer.appendChild(f1);
    const f2 = document.createDocumentFragment();
    edges.forEach((e, i) => { edgeEls[i] = drawEdge(e); f2.appendChild(edgeEls[i]); });
    (data.undercuts || []).forEach(([u, k], i) => {
      undercutEls[i] = drawUndercut(u, k); f2.appendChild(undercutEls[i]);
    });
    edgeLayer.appendChild(f2);
    const f3 = document.createDocumentFragment();
    nodes.forEach((n, i) => { nodeEls[i] = drawNode(n, i); f3.appendChild(nodeEls[i]); });
    nodeLayer.appendChild(f3);
    clusters.forEach((c, i) => paintCluster(i));
  }

  // --- pan and zoom ---------------------------------------------------------------------------
  const size = data.size || [0, 0];
  let view = {x: 0, y: 0, k: 1};
  // Labels of a large map are made when the reader first zooms in far enough to read them.
  let textsDrawn = false;
  function apply() {
    viewport.setAttribute("transform", `translate(${view.x.toFixed(1)},${view.y.toFixed(1)}) ` +
                                       `scale(${view.k.toFixed(4)})`);
    canvas.classList.toggle("am-far", view.k < FAR);
    if (FAR && view.k >= FAR && !textsDrawn) {
      textsDrawn = true;
      nodes.forEach((n, i) => drawText(i, nodeEls[i]));
      paintEvaluation();
    }
  }
  function box() { return mapBox.getBoundingClientRect(); }
  function fit() {
    const r = box();
    if (!size[0] || !size[1] || !r.width || !r.height) return;
    const k = Math.min(r.width / size[0], r.height / size[1]) * 0.96;
    view = {k: k, x: (r.width - size[0] * k) / 2, y: (r.height - size[1] * k) / 2};
    apply();
  }
  function zoomAt(factor, cx, cy) {
    const k = Math.max(0.02, Math.min(8, view.k * factor));
    const f = k / view.k;
    view = {k: k, x: cx - (cx - view.x) * f, y: cy - (cy - view.y) * f};
    apply();
  }
  function zoomBy(factor) { const r = box(); zoomAt(factor, r.width / 2, r.height / 2); }
  function inView(i) {
    const r = box(), [x, y] = nodes[i].box;
    const sx = view.x + x * view.k, sy = view.y + y * view.k;
    return sx > 0 && sy > 0 && sx < r.width && sy < r.height;
  }
  function centreOn(i, zoom) {
    const r = box(), [x, y] = nodes[i].box;
    if (zoom && view.k < 0.9) view.k = 1;
    view.x = r.width / 2 - x * view.k;
    view.y = r.height / 2 - y * view.k;
    apply();
  }
  mapBox.addEventListener("wheel", ev => {
    ev.preventDefault();
    const r = box();
    // A pinch on a touch pad arrives as a wheel event with ctrlKey; a mouse wheel scrolls by
    // lines or by large whole steps; anything else is a two-finger scroll, which pans.
    const mouse = ev.deltaMode !== 0 || (ev.deltaX === 0 && Math.abs(ev.deltaY) >= 50 &&
                                          Number.isInteger(ev.deltaY));
    if (ev.ctrlKey || mouse) {
      zoomAt(Math.exp(-ev.deltaY * (ev.ctrlKey ? 0.01 : 0.0015)), ev.clientX - r.left,
             ev.clientY - r.top);
    } else {
      view.x -= ev.deltaX; view.y -= ev.deltaY; apply();
    }
  }, {passive: false});
  const pointers = new Map();
  let pinch = null;
  let moved = false;
  mapBox.addEventListener("pointerdown", ev => {
    if (ev.button !== 0) return;
    pointers.set(ev.pointerId, [ev.clientX, ev.clientY]);
    moved = false;
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      pinch = {d: Math.hypot(a[0] - b[0], a[1] - b[1]), k: view.k};
    }
  });
  mapBox.addEventListener("pointermove", ev => {
    const last = pointers.get(ev.pointerId);
    if (!last) return;
    const r = box();
    if (pointers.size === 2 && pinch) {
      pointers.set(ev.pointerId, [ev.clientX, ev.clientY]);
      const [a, b] = [...pointers.values()];
      const d = Math.hypot(a[0] - b[0], a[1] - b[1]);
      zoomAt(pinch.k * d / pinch.d / view.k, (a[0] + b[0]) / 2 - r.left, (a[1] + b[1]) / 2 - r.top);
      return;
    }
    const dx = ev.clientX - last[0], dy = ev.clientY - last[1];
    if (!moved && Math.hypot(dx, dy) < 3) return;
    if (!moved) { moved = true; mapBox.setPointerCapture(ev.pointerId); mapBox.classList.add("am-dragging"); }
    pointers.set(ev.pointerId, [ev.clientX, ev.clientY]);
    view.x += dx; view.y += dy; apply();
  });
  function release(ev) {
    pointers.delete(ev.pointerId);
    if (pointers.size < 2) pinch = null;
    mapBox.classList.remove("am-dragging");
  }
  mapBox.addEventListener("pointerup", release);
  mapBox.addEventListener("pointercancel", release);
  mapBox.addEventListener("click", ev => { if (!moved && ev.target === canvas) clearSelection(); },
                          true);
  mapBox.addEventListener("keydown", ev => {
    if (ev.target !== mapBox && !(ev.key in {"+": 1, "=": 1, "-": 1, "0": 1})) return;
    const step = 60;
    const keys = {ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step],
                  ArrowDown: [0, -step]};
    if (keys[ev.key]) { view.x += keys[ev.key][0]; view.y += keys[ev.key][1]; apply(); }
    else if (ev.key === "+" || ev.key === "=") zoomBy(1.25);
    else if (ev.key === "-") zoomBy(0.8);
    else if (ev.key === "0") fit();
    else return;
    ev.preventDefault();
  });
  document.addEventListener("keydown", ev => {
    if (ev.key === "Escape") { clearSelection(); results.hidden = true; }
    else if (ev.key === "/" && document.activeElement !== query) { ev.preventDefault(); query.focus(); }
  });

  // --- collapsing -----------------------------------------------------------------------------
  const collapsedClusters = new Set();
  const collapsedNodes = new Map();  // node -> the set it hides
  let hidden = new Set();
  function recompute() {
    hidden = new Set();
    collapsedClusters.forEach(i => data.clusters[i].members.forEach(m => hidden.add(m)));
    collapsedNodes.forEach(set => set.forEach(m => hidden.add(m)));
    // A linked argument goes with its conclusion, or with all of its premises.
    nodes.forEach((n, i) => {
      if (n.kind !== "argument") return;
      const premises = incoming[i].filter(k => edges[k][2] === "premise").map(k => edges[k][0]);
      const conclusion = outgoing[i].filter(k => edges[k][2] === "conclusion").map(k => edges[k][1]);
      if (conclusion.some(c => hidden.has(c)) || (premises.length && premises.every(p => hidden.has(p)))) {
        hidden.add(i);
      }
    });
    nodes.forEach((n, i) => nodeEls[i].classList.toggle("am-hidden", hidden.has(i)));
    edges.forEach((e, i) => edgeEls[i].classList.toggle("am-hidden", hidden.has(e[0]) || hidden.has(e[1])));
    (data.undercuts || []).forEach(([u, k], i) => undercutEls[i].classList.toggle("am-hidden",
      hidden.has(u) || hidden.has(edges[k][0]) || hidden.has(edges[k][1])));
    (data.clusters || []).forEach((c, i) => paintCluster(i));
    nodes.forEach((n, i) => paintBadge(i));
  }
  function paintCluster(i) {
    const c = data.clusters[i], parts = clusterEls[i];
    const closed = collapsedClusters.has(i);
    parts.rect.setAttribute("height", closed ? 28 : c.box[3]);
    parts.head.setAttribute("aria-expanded", closed ? "false" : "true");
    const count = c.members.length;
    parts.text.textContent = (closed ? "\u25b8 " : "\u25be ") + c.title +
      (closed ? ` \u00b7 ${count} statement${count === 1 ? "" : "s"} hidden` : "");
  }
  function toggleCluster(i) {
    if (collapsedClusters.has(i)) collapsedClusters.delete(i); else collapsedClusters.add(i);
    recompute();
  }
  const badges = new Map();
  function paintBadge(i) {
    const set = collapsedNodes.get(i);
    const old = badges.get(i);
    if (old) { old.remove(); badges.delete(i); }
    if (!set) return;
    const [x, y, w, h] = nodes[i].box;
    const t = svg("text", {x: x + w / 2 - 4, y: y + h / 2 + 13, "text-anchor": "end", "font-size": 11,
                           class: "am-badge", fill: "#1f5fa8"}, `+${set.size} hidden`);
    nodeEls[i].appendChild(t);
    badges.set(i, t);
  }
  function toggleSubtree(i) {
    if (collapsedNodes.has(i)) collapsedNodes.delete(i);
    else {
      const set = restsOnOnly(i);
      if (!set.size) return;
      collapsedNodes.set(i, set);
    }
    recompute();
    select(i, false);
  }
  function reveal(i) {
    if (!hidden.has(i)) return;
    (data.clusters || []).forEach((c, k) => { if (c.members.includes(i)) collapsedClusters.delete(k); });
    collapsedNodes.forEach((set, k) => { if (set.has(i)) collapsedNodes.delete(k); });
    recompute();
  }

  // --- evaluation -----------------------------------------------------------------------------
  function current() {
    return evalBox.checked ? (data.evaluations || {})[semantics.value] : null;
  }
  function paintEvaluation() {
    const result = current();
    nodes.forEach((n, i) => {
      const g = nodeEls[i], s = shapeEls[i], style = kinds[n.kind] || {};
      const verdict = result ? result.labels[i] : null;
      const strength = result && result.strengths.length ? result.strengths[i] : null;
      g.classList.toggle("v-in", verdict === "in");
      g.classList.toggle("v-out", verdict === "out");
      g.classList.toggle("v-undec", verdict === "undec");
      if (strength !== null && strength !== undefined && verdict !== "out") {
        s.setAttribute("fill-opacity", (0.25 + 0.75 * Math.max(0, Math.min(1, strength))).toFixed(2));
      } else s.removeAttribute("fill-opacity");
      if (style.fill) s.setAttribute("fill", style.fill);
      if (verdictEls[i]) {
        const parts = [];
        if (verdict) parts.push(words[verdict] || verdict);
        if (strength !== null && strength !== undefined) parts.push(strength.toFixed(2));
        verdictEls[i].textContent = parts.join(" \u00b7 ");
      }
    });
    legend();
    if (selected !== null) showPanel(selected);
  }
  evalBox.addEventListener("change", paintEvaluation);
  semantics.addEventListener("change", () => { evalBox.checked = true; paintEvaluation(); });

  // --- selection, highlighting, panel ---------------------------------------------------------
  let selected = null;
  function clearMarks() {
    nodeEls.forEach(g => g.classList.remove("am-sel", "am-up", "am-down", "am-dim"));
    edgeEls.forEach(g => g.classList.remove("am-hl", "am-dim"));
  }
  function clearSelection() {
    selected = null;
    clearMarks();
    showOverview();
  }
  function select(i, move) {
    reveal(i);
    selected = i;
    clearMarks();
    const up = reach(i, false), down = reach(i, true);
    const lit = new Set([i, ...up, ...down]);
    nodeEls.forEach((g, k) => {
      if (k === i) g.classList.add("am-sel");
      else if (up.has(k)) g.classList.add("am-up");
      else if (down.has(k)) g.classList.add("am-down");
      else g.classList.add("am-dim");
    });
    edges.forEach((e, k) => {
      const onChain = SUPPORTING[e[2]] && ((up.has(e[0]) || e[0] === i) && (up.has(e[1]) || e[1] === i) ||
                                           (down.has(e[0]) || e[0] === i) && (down.has(e[1]) || e[1] === i));
      edgeEls[k].classList.add(onChain ? "am-hl" : "am-dim");
      if (!onChain && lit.has(e[0]) && lit.has(e[1])) edgeEls[k].classList.remove("am-dim");
    });
    if (move) { centreOn(i, true); nodeEls[i].focus({preventScroll: true}); }
    showPanel(i);
  }

  function section(parent, title) { parent.appendChild(el("h2", {}, title)); }
  function link(i) {
    const b = el("button", {type: "button", class: "am-link", "data-target": nodes[i].id},
                 short(nodes[i].kind === "argument" ? "linked argument " + nodes[i].id : textOf(nodes[i]), 110));
    b.setAttribute("aria-label", "Go to " + label(nodes[i]));
    b.addEventListener("click", () => select(i, true));
    return b;
  }
  function relationList(parent, title, list) {
    if (!list.length) return;
    section(parent, title);
    const ul = el("ul");
    list.forEach(i => { const li = el("li"); li.appendChild(link(i)); ul.appendChild(li); });
    parent.appendChild(ul);
  }
  function facts(parent, rows) {
    const dl = el("dl");
    for (const [k, v] of rows) {
      if (v === undefined || v === null || v === "" || (Array.isArray(v) && !v.length)) continue;
      dl.append(el("dt", {}, k), el("dd", {}, Array.isArray(v) ? v.join(", ") : String(v)));
    }
    if (dl.childNodes.length) parent.appendChild(dl);
  }
  function showPanel(i) {
    const n = nodes[i];
    panel.replaceChildren();
    panel.appendChild(el("h2", {}, n.kind === "argument" ? "Linked argument" :
                                   kindName(n) + (n.implicit ? " (implicit)" : "")));
    if (textOf(n)) panel.appendChild(el("p", {class: "am-text"}, textOf(n)));
    const result = current();
    let verdict = null, strength = null;
    if (result) {
      verdict = result.labels[i] ? (words[result.labels[i]] || result.labels[i]) +
        " (" + (SEMANTICS_NAMES[semantics.value] || semantics.value) + ")" : null;
      strength = result.strengths.length && result.strengths[i] !== null ? result.strengths[i].toFixed(2) : null;
    }
    facts(panel, [["Id", n.id], ["Section", n.section], ["Qualifier", n.qualifier],
                  ["Likelihood", n.likelihood], ["Confidence", n.confidence],
                  ["Speaker", n.speaker], ["Addressed to", n.addressees], ["Tags", n.tags],
                  ["Verdict", verdict], ["Strength", strength]]);
    const actions = el("div", {class: "am-actions"});
    if (restsOnOnly(i).size || collapsedNodes.has(i)) {
      const b = el("button", {type: "button", class: "am-act"},
                   collapsedNodes.has(i) ? "Expand what rests on this" : "Collapse what rests on this");
      b.addEventListener("click", () => toggleSubtree(i));
      actions.appendChild(b);
    }
    const clear = el("button", {type: "button", class: "am-act"}, "Clear selection");
    clear.addEventListener("click", clearSelection);
    actions.appendChild(clear);
    panel.appendChild(actions);
    for (const q of n.quotes || []) {
      const quote = el("blockquote");
      if (q.before) quote.appendChild(document.createTextNode(q.before + " "));
      quote.appendChild(el("mark", {}, q.text));
      if (q.after) quote.appendChild(document.createTextNode((/^[.,;:!?)]/.test(q.after) ? "" : " ") + q.after));
      if (q.line) {
        const file = (data.source && data.source.file) || "the source";
        quote.appendChild(el("span", {class: "am-where"}, `Line ${q.line} of ${file}`));
      }
      panel.appendChild(quote);
    }
    if (n.note) { section(panel, "Note"); panel.appendChild(el("p", {}, n.note)); }
    for (const [key, title] of [["conditions", "Conditions"], ["indicators", "Indicators"]]) {
      if (n[key]) {
        section(panel, title);
        const ul = el("ul");
        n[key].forEach(t => ul.appendChild(el("li", {}, t)));
        panel.appendChild(ul);
      }
    }
    const seen = {};
    for (const [list, end, side] of [[incoming[i], 0, 1], [outgoing[i], 1, 0]]) {
      for (const k of list) {
        const kind = edges[k][2];
        const words = RELATION_WORDS[kind] || [kind, kind];
        const title = n.kind === "argument" && kind === "attack" ? "Undercut by" : words[side];
        (seen[title] = seen[title] || []).push(edges[k][end]);
      }
    }
    for (const [u, k] of data.undercuts || []) {
      if (u === i) (seen["Undercuts the relation"] = seen["Undercuts the relation"] || []).push(edges[k][1]);
      if (edges[k][0] === i || edges[k][1] === i) {
        (seen["Its relation is undercut by"] = seen["Its relation is undercut by"] || []).push(u);
      }
    }
    for (const title of Object.keys(seen)) relationList(panel, title, seen[title]);
    const up = reach(i, false), down = reach(i, true);
    const ends = [...down].filter(k => nodes[k].kind === "recommendation");
    if (up.size || down.size) {
      panel.appendChild(el("p", {class: "am-hint"},
        `Rests on ${up.size} statement${up.size === 1 ? "" : "s"} (blue); leads to ${down.size}` +
        (ends.length ? `, among them ${ends.length} recommendation${ends.length === 1 ? "" : "s"}` : "") +
        " (orange)."));
    }
  }
  function showOverview() {
    panel.replaceChildren();
    if (!hasMap && !data.error) return;
    if (data.summary) { section(panel, "Summary"); panel.appendChild(el("p", {}, data.summary)); }
    const src = data.source || {};
    if (src.title || src.url) {
      section(panel, "Source");
      const p = el("p", {}, src.title || "");
      if (src.url) p.appendChild(el("span", {class: "am-where"}, src.url));
      panel.appendChild(p);
    }
    if ((data.questions || []).length) {
      section(panel, "Questions");
      for (const q of data.questions) {
        panel.appendChild(el("p", {}, q.text));
        const ul = el("ul");
        q.options.forEach(i => { const li = el("li"); li.appendChild(link(i)); ul.appendChild(li); });
        panel.appendChild(ul);
      }
    }
    const recs = nodes.map((n, i) => i).filter(i => nodes[i].kind === "recommendation");
    relationList(panel, "Recommendations", recs);
    if (hasMap) panel.appendChild(el("p", {class: "am-hint"},
      "Click a statement to see its quote, verdict and relations. Drag to pan, scroll or pinch " +
      "to zoom; press / to search."));
  }

  // --- search ---------------------------------------------------------------------------------
  const haystack = nodes.map(n => [n.id, textOf(n), n.section || "", n.speaker || ""].join(" ").toLowerCase());
  function runSearch() {
    const terms = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    nodeEls.forEach(g => g.classList.remove("am-match"));
    results.replaceChildren();
    if (!terms.length) { results.hidden = true; return []; }
    const found = [];
    haystack.forEach((h, i) => { if (terms.every(t => h.includes(t))) found.push(i); });
    found.forEach(i => nodeEls[i].classList.add("am-match"));
    found.slice(0, 30).forEach(i => {
      const li = el("li", {role: "option"});
      const b = el("button", {type: "button"});
      b.append(el("span", {class: "am-kind"}, nodes[i].kind === "argument" ? "argument" : kindName(nodes[i])),
               document.createTextNode(short(textOf(nodes[i]) || nodes[i].id, 90)));
      b.addEventListener("click", () => { results.hidden = true; select(i, true); });
      li.appendChild(b);
      results.appendChild(li);
    });
    if (!found.length) results.appendChild(el("li", {class: "am-hint", role: "option"}, "Nothing matches."));
    else if (found.length > 30) results.appendChild(el("li", {class: "am-hint"}, `${found.length - 30} more match`));
    results.hidden = false;
    return found;
  }
  query.addEventListener("input", runSearch);
  query.addEventListener("keydown", ev => {
    if (ev.key === "Enter") {
      const found = runSearch();
      if (found.length) { results.hidden = true; select(found[0], true); }
    } else if (ev.key === "ArrowDown") {
      const first = results.querySelector("button");
      if (first) { ev.preventDefault(); first.focus(); }
    }
  });
  results.addEventListener("keydown", ev => {
    const items = [...results.querySelectorAll("button")];
    const at = items.indexOf(document.activeElement);
    if (ev.key === "ArrowDown" && at < items.length - 1) { ev.preventDefault(); items[at + 1].focus(); }
    if (ev.key === "ArrowUp") { ev.preventDefault(); (at > 0 ? items[at - 1] : query).focus(); }
  });

  // --- legend and diagnostics -----------------------------------------------------------------
  function legend() {
    legendBox.replaceChildren();
    if (!hasMap) return;
    section(legendBox, "Key");
    const wrap = el("div", {class: "am-legend"});
    const present = new Set(nodes.map(n => n.kind));
    for (const kind of Object.keys(kinds)) {
      if (!present.has(kind)) continue;
      const st = kinds[kind];
      const item = el("span");
      const pic = svg("svg", {viewBox: "0 0 26 14", "aria-hidden": "true"});
      pic.appendChild(kind === "argument" ? svg("circle", {cx: 13, cy: 7, r: 4, fill: st.fill})
        : svg("rect", {x: 1, y: 1, width: 24, height: 12, rx: st.rounded ? 4 : 0, fill: st.fill,
                       stroke: st.border}));
      item.append(pic, document.createTextNode(st.name));
      wrap.appendChild(item);
    }
    const edgePresent = new Set(edges.map(e => e[3] ? "undercut" : e[2]));
    if ((data.undercuts || []).length) edgePresent.add("undercut");
    for (const kind of new Set([...Object.keys(edgeKinds), "undercut"])) {
      if (!edgePresent.has(kind)) continue;
      const st = kind === "undercut" ? edgeKinds.attack : edgeKinds[kind];
      if (!st) continue;
      const item = el("span");
      const pic = svg("svg", {viewBox: "0 0 26 14", "aria-hidden": "true"});
      const line = svg("line", {x1: 1, y1: 7, x2: 25, y2: 7, stroke: st.colour, "stroke-width": 2});
      if (DASHES[st.line]) line.setAttribute("stroke-dasharray", DASHES[st.line]);
      if (st.line === "bold") line.setAttribute("stroke-width", 3);
      pic.appendChild(line);
      item.append(pic, document.createTextNode(kind === "undercut" ? "undercuts (attacks an inference)" : st.name));
      wrap.appendChild(item);
    }
    if (current()) {
      for (const [cls, text] of [["6 3", "dashed, grey: falls"], ["2 2", "dotted: open"]]) {
        const item = el("span");
        const pic = svg("svg", {viewBox: "0 0 26 14", "aria-hidden": "true"});
        pic.appendChild(svg("rect", {x: 1, y: 1, width: 24, height: 12, fill: "#eeeeee", stroke: "#8a8a8a",
                                     "stroke-dasharray": cls}));
        item.append(pic, document.createTextNode(text));
        wrap.appendChild(item);
      }
      wrap.appendChild(el("span", {}, "paler fill: weaker"));
    }
    legendBox.appendChild(wrap);
  }
  function diagnostics() {
    const list = data.diagnostics || [];
    diags.replaceChildren();
    if (!list.length) return;
    section(diags, `Findings (${list.length})`);
    const ul = el("ul");
    for (const d of list) {
      const li = el("li");
      li.appendChild(el("span", {class: "am-" + d.severity}, `${d.code} ${d.severity}`));
      li.appendChild(document.createTextNode(
        (d.line ? ` line ${d.line}` : "") + (d.file ? ` of ${d.file}` : "") + ": " + d.message));
      ul.appendChild(li);
    }
    diags.appendChild(ul);
  }

  // --- printing and live reload ---------------------------------------------------------------
  let saved = null;
  window.addEventListener("beforeprint", () => {
    saved = Object.assign({}, view);
    canvas.setAttribute("viewBox", `0 0 ${size[0]} ${size[1]}`);
    viewport.removeAttribute("transform");
  });
  window.addEventListener("afterprint", () => {
    canvas.removeAttribute("viewBox");
    if (saved) { view = saved; apply(); }
  });
  function storage() { try { return window.sessionStorage; } catch (e) { return null; } }
  let restored = null;
  if (data.live) {
    const store = storage();
    const events = new EventSource(data.live);
    events.addEventListener("reload", () => {
      if (store) store.setItem("argmap-view", JSON.stringify(view));
      window.location.reload();
    });
    if (store && store.getItem("argmap-view")) {
      try { restored = JSON.parse(store.getItem("argmap-view")); } catch (e) { restored = null; }
      store.removeItem("argmap-view");
    }
  }

  // --- start ----------------------------------------------------------------------------------
  const start = data.view || {};
  evalBox.checked = !!start.evaluate && semantics.options.length > 0;
  if (start.semantics && (data.evaluations || {})[start.semantics]) semantics.value = start.semantics;
  if (FAR) canvas.classList.add("am-far");  // until the first fit says otherwise
  draw();
  diagnostics();
  showOverview();
  paintEvaluation();
  if (hasMap) {
    if (restored && restored.k > 0) { view = restored; apply(); } else fit();
    window.addEventListener("resize", () => { if (selected === null) fit(); });
  }
  if (window.performance && performance.mark) performance.mark("argmap-ready");
  document.documentElement.setAttribute("data-argmap-ready", String(nodes.length));
})();
