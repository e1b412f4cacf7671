// geokg's graph page. All text from the graph reaches the DOM through
// textContent only: a sentence such as "<script>..." shows as it is written.
(function () {
  "use strict";
  var scriptStart = performance.now();
  function json(id) { return JSON.parse(document.getElementById(id).textContent); }
  function own(map, key) { return Object.prototype.hasOwnProperty.call(map, key); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function row(parent, label, value) {
    var line = el("div", "tip-row");
    line.appendChild(el("span", "tip-meta", label + ": "));
    line.appendChild(el("span", null, value));
    parent.appendChild(line);
  }

  var page = json("geokg-page");
  var rawNodes = json("geokg-nodes");
  var rawEdges = json("geokg-edges");

  function nodeTip(tip) {
    var box = el("div");
    box.appendChild(el("div", "tip-head", tip.name));
    row(box, "class", tip.kind);
    row(box, "key", tip.key);
    if (tip.wikidata) { row(box, "Wikidata", tip.wikidata); }
    if (tip.labels.length) {
      row(box, "labels", tip.labels.map(function (l) {
        return l[1] ? l[0] + " (" + l[1] + ")" : l[0];
      }).join("; "));
    }
    return box;
  }
  function edgeTip(tip) {
    var box = el("div");
    var arrow = tip.symmetric ? " \u2014 " : " \u2192 ";
    box.appendChild(el("div", "tip-head",
      tip.source + arrow + tip.relation + arrow + tip.target +
      " (" + tip.count + (tip.count === 1 ? " statement)" : " statements)")));
    tip.statements.forEach(function (s) {
      var part = el("div", "tip-statement");
      var meta = el("div", "tip-meta");
      if (s.negated) { meta.appendChild(el("span", "tip-flag", "\u2717 negated")); }
      if (s.hedged) { meta.appendChild(el("span", "tip-flag", "? hedged")); }
      meta.appendChild(el("span", null, (s.date || "undated") + " \u00b7 article " + s.doc +
        (s.start !== null ? " \u00b7 chars " + s.start + "\u2013" + s.end : "")));
      part.appendChild(meta);
      part.appendChild(el("div", "tip-sentence", s.sentence));
      box.appendChild(part);
    });
    if (tip.count > tip.statements.length) {
      box.appendChild(el("div", "tip-meta", "\u2026 and " + (tip.count - tip.statements.length) + " more"));
    }
    return box;
  }

  rawNodes.forEach(function (n) { n.title = nodeTip(n.tip); delete n.tip; });
  rawEdges.forEach(function (e) { e.title = edgeTip(e.tip); delete e.tip; });
  var nodes = new vis.DataSet(rawNodes);
  var edges = new vis.DataSet(rawEdges);

  // Filters: classes and relations switched off, a date period.
  // Maps keyed by names from the articles have no prototype: a relation or actor
  // called "constructor" or "__proto__" is a key like any other.
  var hiddenKinds = Object.create(null), hiddenRelations = Object.create(null);
  var period = [null, null];
  function edgeInPeriod(e) {
    if (!period[0] && !period[1]) { return true; }
    return e.spans.some(function (s) {
      return s && (!period[0] || s[1] >= period[0]) && (!period[1] || s[0] <= period[1]);
    });
  }
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !hiddenKinds[n.kind]; } });
  var minConfidence = 0;
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      return !hiddenRelations[e.relation] && edgeInPeriod(e) && e.confidence >= minConfidence;
    }
  });

  var options = page.options;
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  var started = performance.now();
  var state = window.geokg = {
    timings: { scriptStart: scriptStart, networkStart: started },
    nodes: nodes.length, edges: edges.length, large: page.large,
    stabilized: false, stabilizedMs: null, network: network,
    visible: function () { return { nodes: nodeView.length, edges: edgeView.length }; }
  };
  // Labels of the most connected actors stay legible at the zoom that fits the
  // whole graph: their font grows as the fitted scale shrinks (rendered >= 11 px).
  function legibleLabels() {
    var scale = network.getScale();
    var wanted = Math.ceil(page.legiblePx / Math.max(scale, 0.05));
    var top = rawNodes.slice().sort(function (a, b) { return (b.value || 0) - (a.value || 0); })
      .slice(0, page.legibleTop);
    nodes.update(top.map(function (n) {
      return { id: n.id, font: { size: Math.max(page.fontSize, wanted) } };
    }));
    state.legible = top.map(function (n) { return n.id; });
  }
  state.labelPx = function (id) {
    var node = network.body.nodes[id];
    return node ? node.options.font.size * network.getScale() : null;
  };
  network.once("stabilizationIterationsDone", function () {
    network.fit();
    legibleLabels();
    state.stabilized = true;
    state.stabilizedMs = performance.now();  // since navigation start
    state.layoutMs = performance.now() - started;
    // A large graph stops moving once laid out, so that it stays fluid.
    if (page.large) { network.setOptions({ physics: { enabled: false } }); }
    status();
  });

  var statusLine = document.getElementById("status");
  var edgeLabels = !page.large;
  var empty = document.getElementById("empty");
  function status() {
    empty.hidden = nodeView.length > 0 && edgeView.length > 0;
    statusLine.textContent = nodeView.length + " of " + nodes.length + " actors, " +
      edgeView.length + " of " + edges.length + " edges" +
      (edgeLabels ? "" : " (edge labels show when " + page.edgeLabelsUpTo + " or fewer are left)");
  }
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    // In a large graph edge labels cost seconds a frame: draw them once few edges are left.
    var few = edgeView.length <= page.edgeLabelsUpTo;
    if (page.large && few !== edgeLabels) {
      edgeLabels = few;
      network.setOptions({ edges: { scaling: { label: { drawThreshold: few ? 5 : page.noLabels } } } });
    }
    status();
  }

  // Legend, which doubles as the class and relation filter.
  function toggle(parent, key, store, swatch, text) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { store[key] = !box.checked; refresh(); });
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", null, text));
    parent.appendChild(label);
  }
  var kinds = Object.create(null), relations = Object.create(null);
  rawNodes.forEach(function (n) { kinds[n.kind] = (kinds[n.kind] || 0) + 1; });
  rawEdges.forEach(function (e) { relations[e.relation] = (relations[e.relation] || 0) + 1; });
  Object.keys(kinds).sort().forEach(function (kind) {
    var sw = el("span", "swatch");
    sw.style.background = page.styles[kind][1];
    if (page.styles[kind][0] === "dot") { sw.style.borderRadius = "50%"; }
    toggle(document.getElementById("legend-classes"), kind, hiddenKinds, sw,
      kind + " (" + kinds[kind] + ") \u2013 " + page.styles[kind][0]);
  });
  Object.keys(relations).sort().forEach(function (rel) {
    var meta = own(page.relations, rel) ? page.relations[rel] : ["State", false];
    var sw = el("span", "line");
    sw.style.borderColor = page.colours[meta[0]];
    toggle(document.getElementById("legend-relations"), rel, hiddenRelations, sw,
      rel + " (" + relations[rel] + ", " +
      meta[0].replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase() + ")");
  });
  var lines = document.getElementById("legend-lines");
  [["solid", "asserted"], ["dashed", "hedged (label ends in ?)"],
   ["dotted", "negated (\u2717, red label)"]].forEach(function (pair) {
    var item = el("div");
    var sw = el("span", "line");
    sw.style.borderTopStyle = pair[0];
    item.appendChild(sw);
    item.appendChild(el("span", null, " " + pair[1]));
    lines.appendChild(item);
  });
  lines.appendChild(el("div", null, "arrow: directed relation; \u00d7N: N statements"));

  // Date period.
  function bound(text, last) {
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
    if (!m) { return null; }
    if (m[3]) { return m[1] + "-" + m[2] + "-" + m[3]; }
    if (m[2]) { return m[1] + "-" + m[2] + (last ? "-31" : "-01"); }
    return m[1] + (last ? "-12-31" : "-01-01");
  }
  ["since", "until"].forEach(function (id, i) {
    var input = document.getElementById(id);
    input.addEventListener("change", function () {
      period[i] = input.value.trim() ? bound(input.value, i === 1) : null;
      input.style.outline = input.value.trim() && !period[i] ? "2px solid #c62828" : "";
      refresh();
    });
  });

  // Click an actor: it and its neighbours stay, the rest fades; click the
  // background to bring everything back.
  var faded = false;
  network.on("click", function (params) {
    if (params.nodes.length) {
      var keep = Object.create(null);
      keep[params.nodes[0]] = true;
      network.getConnectedNodes(params.nodes[0]).forEach(function (id) { keep[id] = true; });
      nodes.update(rawNodes.map(function (n) {
        return { id: n.id, opacity: keep[n.id] ? 1 : 0.15 };
      }));
      faded = true;
    } else if (faded) {
      nodes.update(rawNodes.map(function (n) { return { id: n.id, opacity: 1 }; }));
      faded = false;
    }
    state.faded = faded;
  });

  // Save the view as a picture (the canvas as drawn, on a white background).
  document.getElementById("save-png").addEventListener("click", function () {
    var canvas = container.querySelector("canvas");
    var copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    var context = copy.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, copy.width, copy.height);
    context.drawImage(canvas, 0, 0);
    var link = document.createElement("a");
    link.download = "geokg-graph.png";
    link.href = copy.toDataURL("image/png");
    state.savedPng = link.href.length;
    link.click();
  });

  // Confidence: keep the edges with a statement at least this sure.
  var slider = document.getElementById("confidence");
  var sliderValue = document.getElementById("confidence-value");
  slider.addEventListener("input", function () {
    minConfidence = parseFloat(slider.value);
    sliderValue.textContent = minConfidence.toFixed(2);
    refresh();
  });

  // Actor search: pick a name, the graph zooms to it.
  var names = document.getElementById("actor-names");
  var byName = Object.create(null);
  rawNodes.forEach(function (n) {
    byName[n.label.toLowerCase()] = n.id;
    names.appendChild(el("option", null)).value = n.label;
  });
  var search = document.getElementById("search");
  function find() {
    var q = search.value.trim().toLowerCase();
    if (!q) { return; }
    var id = byName[q];
    if (id === undefined) {
      id = Object.keys(byName).filter(function (k) { return k.indexOf(q) >= 0; }).map(function (k) {
        return byName[k];
      })[0];
    }
    search.style.outline = id === undefined ? "2px solid #c62828" : "";
    if (id !== undefined && nodeView.get(id)) {
      network.selectNodes([id]);
      network.focus(id, { scale: 1.3, animation: { duration: 400 } });
    }
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { find(); } });
  document.getElementById("reset").addEventListener("click", function () {
    [hiddenKinds, hiddenRelations].forEach(function (store) {
      Object.keys(store).forEach(function (k) { delete store[k]; });
    });
    period = [null, null];
    minConfidence = 0;
    slider.value = "0";
    sliderValue.textContent = "0.00";
    Array.prototype.forEach.call(document.querySelectorAll("#side input"), function (b) { b.checked = true; });
    ["since", "until", "search"].forEach(function (id) { document.getElementById(id).value = ""; });
    refresh();
    network.unselectAll();
    nodes.update(rawNodes.map(function (n) { return { id: n.id, opacity: 1 }; }));
    faded = false;
    network.fit();
  });
  status();
}());
