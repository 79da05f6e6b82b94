// The growth slider answered in the browser, without a round trip to the server.
//
// The server keeps the facts of the scenario that do not depend on the growth rate (base,
// target, target year, band width, the reader's words; trade_dash/browser_scenario.py) in
// a dcc.Store. On a growth move this works out what Python's model and figure builders
// would (the projection, its band, the year the target is met, the texts naming them and
// the axis ranges) and draws only those parts, once ("one move" below). The browser tests
// check it against the Python on many generated scenarios.
//
// If anything here fails, the chart must still follow the slider: the error is reported
// through a store the server watches, and the server draws the chart. A page whose copy
// of this file never loaded has never said it is ready, so the server keeps drawing.
(function () {
  "use strict";

  // --- numbers as Babel writes them -------------------------------------------------

  // The digits of |x| rounded half to even at `places` decimals, as [integer digits,
  // fraction digits]. Like Babel (through Python's repr), it starts from the shortest
  // decimal that reads back as x, which is what String(x) gives.
  function roundedDigits(x, places) {
    var m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x)));
    if (m === null) { throw new Error("not a finite number: " + x); }
    var digits = m[1] + (m[2] || "");
    var point = m[1].length + (m[3] ? parseInt(m[3], 10) : 0);  // digits before the point
    if (point < 0) { digits = "0".repeat(-point) + digits; point = 0; }
    var keep = point + places;
    while (digits.length < keep + 1) { digits += "0"; }
    var kept = digits.slice(0, keep).split("").map(Number);
    var next = Number(digits[keep]);
    var rest = /[1-9]/.test(digits.slice(keep + 1));
    var last = kept.length ? kept[kept.length - 1] : 0;
    if (next > 5 || (next === 5 && (rest || last % 2 === 1))) {
      var i = kept.length - 1;
      while (i >= 0 && kept[i] === 9) { kept[i] = 0; i -= 1; }
      if (i >= 0) { kept[i] += 1; } else { kept.unshift(1); point += 1; }
    }
    var whole = kept.slice(0, kept.length - places).join("").replace(/^0+(?=\d)/, "") || "0";
    return [whole, kept.slice(kept.length - places).join("")];
  }

  function grouped(whole, symbol, size) {
    var out = whole;
    for (var i = whole.length - size; i > 0; i -= size) {
      out = out.slice(0, i) + symbol + out.slice(i);
    }
    return out;
  }

  // Wording.growth: one decimal, the locale's marks and percent pattern, a plus sign
  // unless the rounded rate is below zero.
  function growth(pct, n) {
    var parts = roundedDigits(pct, 1);
    var negative = pct < 0 && /[1-9]/.test(parts[0] + parts[1]);
    var side = negative ? 1 : 0;
    var text = n.prefix[side] + grouped(parts[0], n.group, n.grouping) + n.decimal +
      parts[1] + n.suffix[side];
    return negative ? text : n.plus + text;
  }

  // Python's `template % params` for %(name)s placeholders.
  function fill(template, params) {
    return template.replace(/%\((\w+)\)s|%%/g, function (all, name) {
      if (name === undefined) { return "%"; }
      if (!(name in params)) { throw new Error("no value for %(" + name + ")s"); }
      return params[name];
    });
  }

  // figures.esc: citation-safe text in plotly's HTML-like labels.
  function esc(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // figures._wrap: words on lines of at most `width` characters (a longer word alone).
  function wrap(text, width) {
    var lines = [], current = "";
    text.split(" ").forEach(function (word) {
      if (current && current.length + 1 + word.length > width) {
        lines.push(current);
        current = word;
      } else {
        current = current ? current + " " + word : word;
      }
    });
    lines.push(current);
    return lines;
  }

  // figures.page_trace: a long legend name on several lines on the page.
  function legendName(name, width) {
    return name.length <= width || name.indexOf("<br>") !== -1
      ? name : wrap(name, width).join("<br>");
  }

  // figures._anchor: a label in the left third runs right, in the right third left.
  function anchor(x, first, last) {
    var share = last > first ? (x - first) / (last - first) : 0.5;
    return share < 1 / 3 ? "left" : share > 2 / 3 ? "right" : "center";
  }

  // --- the scenario maths (model.py) ------------------------------------------------

  function round2(x) { return Number(x.toFixed(2)); }

  function project(f, ratePct, end) {
    var xs = [], ys = [], rate = ratePct / 100;
    for (var year = f.base_year; year <= end; year += 1) {
      xs.push(year);
      ys.push(round2(f.base_musd * Math.pow(1 + rate, year - f.base_year)));
    }
    return {x: xs, y: ys};
  }

  function yearReached(f, ratePct) {
    var rate = ratePct / 100;
    if (f.base_musd >= f.target_musd) { return f.base_year; }
    if (rate <= 0) { return null; }
    var years = Math.ceil(Math.log(f.target_musd / f.base_musd) / Math.log1p(rate) -
                          f.year_eps);
    var year = f.base_year + years;
    return year <= f.horizon_year ? year : null;
  }

  // Everything a growth rate changes in the scenario chart (analyse, scenario_traces,
  // scenario_layout), as plain data.
  function scenario(f, g) {
    var limits = f.growth_limits, words = f.words, n = words.number, t = words.templates;
    var low = Math.max(g - f.band_pct, limits[0]);
    var high = Math.min(g + f.band_pct, limits[1]);
    var reached = yearReached(f, g);
    var end = Math.min(reached === null ? f.target_year : Math.max(f.target_year, reached),
                       f.horizon_year);
    var central = project(f, g, end);
    var axis = f.year_axis, span = end - f.first_year + 1;
    var step = axis.steps[axis.steps.length - 1];
    for (var i = 0; i < axis.steps.length - 1; i += 1) {
      if (span <= axis.labels * axis.steps[i]) { step = axis.steps[i]; break; }
    }
    var rate = growth(g, n);
    var subtitle = fill(t.subtitle, Object.assign({}, f.subtitle, {rate: rate}));
    var top = Math.max.apply(null, [f.target_musd].concat(central.y)) * f.headroom;
    var w = f.legend_chars;
    return {
      growth: g,
      reached: reached,
      low: project(f, low, end),
      high: project(f, high, end),
      central: central,
      names: {
        low: legendName(fill(t.low, {rate: growth(low, n)}), w),
        band: legendName(fill(t.band, {low: growth(low, n), high: growth(high, n)}), w),
        projection: legendName(fill(t.projection, {rate: rate}), w),
      },
      reachedAnchor: reached === null ? "right" : anchor(reached, f.first_year, end),
      reachedAy: f.target_musd < f.reached_above * top ? -40 : 40,
      reachedText: reached === null
        ? fill(t.not_met, {year: String(f.horizon_year), rate: rate})
        : fill(t.met, {year: String(reached), rate: rate}),
      reachedX: reached === null ? end : reached,
      subtitle: subtitle,
      xrange: [f.first_year - axis.pad, end + axis.pad],
      dtick: step,
      tick0: f.first_year - f.first_year % step,
      yrange: [0, top],
    };
  }

  // --- the chart update ---------------------------------------------------------------

  function reachedIndex(notes) {
    for (var i = 0; i < notes.length; i += 1) {
      if (notes[i].name === "reached") { return i; }
    }
    throw new Error("the scenario chart has no 'reached' note");
  }

  // What growth rate `s.growth` changes in the scenario chart, as [path, value] pairs (a
  // value left undefined removes the attribute): drawn at once, or sent to Dash as a Patch.
  function chartChanges(f, s, annotations) {
    var tr = f.traces, style = s.reached === null ? f.reached.not_met : f.reached.met;
    var out = [];
    [[tr.band_low, s.low, s.names.low], [tr.band_high, s.high, s.names.band],
     [tr.projection, s.central, s.names.projection]].forEach(function (one) {
      out.push([["data", one[0], "x"], one[1].x], [["data", one[0], "y"], one[1].y],
               [["data", one[0], "name"], one[2]]);
    });
    out.push([["data", tr.projection, "meta"], {growth_pct: s.growth}]);
    var note = Object.assign({}, f.reached.common, style,
                             {text: esc(s.reachedText), y: f.target_musd, x: s.reachedX,
                              xanchor: s.reachedAnchor});
    if (s.reached !== null) { note.ay = s.reachedAy; }
    out.push([["layout", "annotations", reachedIndex(annotations)], note],
             [["layout", "xaxis", "range"], s.xrange],
             [["layout", "xaxis", "dtick"], s.dtick],
             [["layout", "xaxis", "tick0"], s.tick0],
             [["layout", "xaxis", "minor"], s.dtick > 1
               ? {dtick: 1, tick0: f.first_year, ticks: "outside", ticklen: 3} : undefined],
             [["layout", "yaxis", "range"], s.yrange]);
    return out;
  }

  function chartPatch(changes) {
    var patch = new window.dash_clientside.Patch();
    changes.forEach(function (c) {
      if (c[1] === undefined) { patch.delete(c[0]); } else { patch.assign(c[0], c[1]); }
    });
    return patch.build();
  }

  // A copy of `figure` with `changes` made; what they leave as it is stays shared.
  function changed(figure, changes) {
    var fresh = [];  // the containers copied so far
    function own(value) {
      if (fresh.indexOf(value) !== -1) { return value; }
      var copy = Array.isArray(value) ? value.slice() : Object.assign({}, value);
      fresh.push(copy);
      return copy;
    }
    var root = own(figure);
    changes.forEach(function (c) {
      var path = c[0], node = root;
      for (var i = 0; i < path.length - 1; i += 1) {
        node[path[i]] = own(node[path[i]] || {});
        node = node[path[i]];
      }
      if (c[1] === undefined) { delete node[path[path.length - 1]]; }
      else { node[path[path.length - 1]] = c[1]; }
    });
    return root;
  }

  function usable(growth, f) {
    return typeof growth === "number" && isFinite(growth) &&
      growth >= f.growth_limits[0] && growth <= f.growth_limits[1];
  }

  // The rate a figure shows: its projection carries it (figures.scenario_traces).
  function shownGrowth(f, figure) {
    var trace = figure && figure.data && figure.data[f.traces.projection];
    return trace && trace.meta ? trace.meta.growth_pct : null;
  }

  // --- one move ---------------------------------------------------------------------------
  //
  // The reader moves the slider (a key, the pointer or the number box), and the slider shows
  // the new rate in its aria-valuenow before Dash hands the move to any callback. Watching
  // that attribute, `onSliderValue`:
  //   1. leaves the rate alone if Dash's copy of the chart already shows it (a rate the
  //      server sets comes with the server's own chart);
  //   2. works out what the rate changes in the chart (`scenario`, `chartChanges`) and draws
  //      it with one Plotly.react: the move's only redraw;
  //   3. writes what it drew into Dash's copies of the figure and of the scenario line.
  // Dash then sends the move to the server (callbacks.sync), which answers with the address,
  // the cards, the key message and the links, and no chart; `settle` below finds the chart
  // already showing the control's rate and leaves it. If this throws, the page says so
  // (browser-ready false, browser-failed + 1) and from then on the server draws the chart.

  var page = {facts: null, failed: false};  // the facts of the server's last answer

  // Dash's props of component `id`, as its store holds them.
  function dashProps(id) {
    var component = window.dash_component_api.getLayout(id);
    if (!component || !component.props) { throw new Error("no component " + id); }
    return component.props;
  }

  // Dash's copy of the chart and the line above it, brought to what is already on screen.
  // Written in place: dcc.Graph draws whenever it is handed a new figure object (a second,
  // full redraw), and here nothing is left to draw. Later answers patch this copy, and
  // callbacks read it, as usual.
  function keep(f, figure, drawn, subtitle) {
    figure.data = drawn.data;
    figure.layout = drawn.layout;
    var line = document.getElementById(f.ids.subtitle);
    // The line's one text node, which React keeps and later writes the same text into.
    if (line && line.childNodes.length === 1 && line.firstChild.nodeType === 3) {
      line.firstChild.nodeValue = subtitle;
      dashProps(f.ids.subtitle).children = subtitle;
    } else {
      window.dash_clientside.set_props(f.ids.subtitle, {children: subtitle});
    }
  }

  function drawMove(f, g) {
    var figure = dashProps(f.ids.graph).figure;
    var gd = document.querySelector("#" + f.ids.graph + " .js-plotly-plot");
    if (!figure || !figure.layout || shownGrowth(f, figure) === g) { return; }
    if (!gd || !window.Plotly) { return; }  // still loading: `settle` draws it after the answer
    var s = scenario(f, g);
    var drawn = changed({data: figure.data, layout: figure.layout},
                        chartChanges(f, s, figure.layout.annotations || []));
    // As dcc.Graph does: Plotly shares the traces, and gets its own copy of the layout,
    // which it writes into (sizes, zoomed ranges).
    window.Plotly.react(gd, drawn.data, structuredClone(drawn.layout));
    keep(f, figure, drawn, s.subtitle);
  }

  function fail(err) {
    console.warn("trade-dash: the server draws the scenario chart (" + err + ")");
    page.failed = true;
  }

  function onSliderValue(records) {
    var f = page.facts;
    if (f === null || page.failed) { return; }  // no answer from the server yet, or it draws
    var moved = records.filter(function (r) { return r.target.closest("#" + f.ids.slider); });
    if (!moved.length) { return; }
    var g = Number(moved[moved.length - 1].target.getAttribute("aria-valuenow"));
    if (!usable(g, f)) { return; }  // a number being typed: the server answers what is left
    try {
      drawMove(f, g);
    } catch (err) {
      fail(err);
      var set = window.dash_clientside.set_props;
      set(f.ids.ready, {data: false});
      set(f.ids.failed, {data: (dashProps(f.ids.failed).data || 0) + 1});
    }
  }

  new MutationObserver(onSliderValue).observe(document, {
    subtree: true, attributes: true, attributeFilter: ["aria-valuenow"]});

  // --- after each answer of the server ------------------------------------------------------

  // A clientside callback on the address and the facts, one of which every answer of the
  // server changes. It keeps the facts for the next move, says the page draws growth moves
  // (browser-ready: the server then leaves the chart to it), and checks that the chart shows
  // the control's rate whatever came in between (a move made while other facts were on
  // their way); if not, it sends Dash the changes as a Patch. Its outputs: the chart, the
  // scenario line, the ready flag and the failure count (each failure asks the server to
  // draw the chart).
  function settle(search, f, value, figure, ready, failures) {
    var no = window.dash_clientside.no_update;
    if (!f || !f.ids || page.failed) { return [no, no, no, no]; }
    page.facts = f;
    var isReady = ready === true ? no : true;
    try {
      if (!usable(value, f) || shownGrowth(f, figure) === value) {
        return [no, no, isReady, no];  // the server clamps a rate it cannot use, and draws it
      }
      var s = scenario(f, value);
      return [chartPatch(chartChanges(f, s, figure.layout.annotations || [])), s.subtitle,
              isReady, no];
    } catch (err) {
      fail(err);
      return [no, no, false, (failures || 0) + 1];
    }
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.tradeDash = {
    settle: settle,
    // For the browser tests' cross-check with the Python model and wording.
    scenario: scenario,
    growth: growth,
  };
})();
