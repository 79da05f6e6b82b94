// The growth slider answered in the browser, without a round trip to the server.
//
// The server keeps the facts of the scenario that do not depend on the growth rate (base,
// target, target year, band width, the reader's words; trade_dash/browser_scenario.py) in
// a dcc.Store. On a growth move this works out what Python's model and figure builders
// would (the projection, its band, the year the target is met, the texts naming them and
// the axis ranges) and sends the chart only those parts, as a Patch. The browser tests
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
  // value left undefined removes the attribute): sent to Dash as a Patch, or drawn at once.
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

  // The rate the chart shows: its projection carries it (figures.scenario_traces).
  function drawnGrowth(f, figure) {
    var trace = figure && figure.data && figure.data[f.traces.projection];
    return trace && trace.meta ? trace.meta.growth_pct : null;
  }

  // --- drawing a move at once -----------------------------------------------------------
  //
  // Dash hands a move to the callbacks below only after its own bookkeeping for the whole
  // page, which takes longer than drawing the move. So the script also watches the
  // slider itself: when the reader moves it, the chart is redrawn straight away with
  // Plotly, and the callbacks then bring Dash's copy of the figure to the same state (its
  // redraw then changes nothing on screen). Only moves the reader makes are drawn here;
  // a value the server sets comes with the server's own chart and facts.

  var page = {
    facts: null,  // the facts of the last answer of the server (or null before the first)
    touched: -Infinity,  // when the reader last used the slider (performance.now())
    // The last move drawn here: its rate, facts, scenario and chart changes. Dash's copy of
    // the figure is given the very same arrays, so Plotly finds nothing to redraw in it.
    drawn: null,
    figure: null,  // Dash's copy of the chart's figure, as the callbacks last saw it
  };
  var TOUCH_MS = 1000;  // a slider value this soon after the reader's input is theirs

  function onSlider(event) {
    var f = page.facts;
    return f !== null && event.target instanceof Element &&
      event.target.closest("#" + f.ids.slider) !== null;
  }

  function touch(event) {
    if (onSlider(event)) { page.touched = performance.now(); }
  }

  function graphDiv(f) {
    var box = document.getElementById(f.ids.graph);
    var gd = box && (box.classList.contains("js-plotly-plot") ? box
      : box.querySelector(".js-plotly-plot"));
    return gd && gd._fullLayout && gd.data ? gd : null;
  }

  // Dash hands each callback its own copy of the stored facts.
  function sameFacts(a, b) {
    return a === b || JSON.stringify(a) === JSON.stringify(b);
  }

  function drawNow(g) {
    var f = page.facts, gd = graphDiv(f);
    if (gd === null || !window.Plotly || !usable(g, f) || !page.figure) { return; }
    try {
      var base = page.figure;
      var s = scenario(f, g), changes = chartChanges(f, s, base.layout.annotations || []);
      var next = changed({data: base.data, layout: base.layout}, changes);
      window.Plotly.react(gd, next.data, next.layout);
      page.drawn = {g: g, f: f, s: s, changes: changes};
      var line = document.getElementById(f.ids.subtitle);
      // The line's one text node, which React keeps: its next render writes the same text.
      if (line && line.childNodes.length === 1 && line.firstChild.nodeType === 3) {
        line.firstChild.nodeValue = s.subtitle;
      }
    } catch (err) {
      console.warn("trade-dash: the chart follows the slider through Dash (" + err + ")");
    }
  }

  function onValue(records) {
    var f = page.facts, focus = document.activeElement;
    // The reader's own move: they used the slider a moment ago and it still has the focus
    // (a value the server sets comes while the focus is on the control they changed).
    if (f === null || performance.now() - page.touched > TOUCH_MS || !focus ||
        !focus.closest("#" + f.ids.slider)) { return; }
    for (var i = records.length - 1; i >= 0; i -= 1) {
      var el = records[i].target;
      if (el.getAttribute("role") === "slider" && el.closest("#" + f.ids.slider)) {
        drawNow(Number(el.getAttribute("aria-valuenow")));
        return;
      }
    }
  }

  ["keydown", "pointerdown", "pointermove", "input"].forEach(function (type) {
    document.addEventListener(type, touch, {capture: true, passive: true});
  });
  new MutationObserver(onValue).observe(document.documentElement, {
    subtree: true, attributes: true, attributeFilter: ["aria-valuenow"]});

  // --- Dash's callbacks -------------------------------------------------------------------

  // [chart update, scenario line, ready flag, failure count] for the chart to show growth
  // rate `g`; `always`: draw even if the chart already shows it.
  function answer(g, f, figure, ready, failures, always) {
    var no = window.dash_clientside.no_update;
    if (f && f.ids) { page.facts = f; }
    if (figure && figure.data && figure.layout) { page.figure = figure; }
    if (!f || !usable(g, f)) {
      return [no, no, no, no];  // the server clamps or falls back, and draws the chart
    }
    try {
      if (!always && drawnGrowth(f, figure) === g) {
        return [no, no, ready === true ? no : true, no];
      }
      var d = page.drawn, same = d !== null && d.g === g && sameFacts(d.f, f);
      var s = same ? d.s : scenario(f, g);
      var changes = same ? d.changes
        : chartChanges(f, s, (figure && figure.layout && figure.layout.annotations) || []);
      return [chartPatch(changes), s.subtitle, ready === true ? no : true, no];
    } catch (err) {
      console.warn("trade-dash: the server draws the scenario chart (" + err + ")");
      return [no, no, false, (failures || 0) + 1];
    }
  }

  // Clientside callbacks. Their outputs: the chart (a Patch), the scenario line above
  // it (ids.chart_subtitle), the ready flag (true once
  // this has worked on this page; the server then leaves the chart to it on a growth
  // move) and the failure count (each failure asks the server to draw the chart).
  //
  // On the slider's drag_value, which no server callback sets, so Dash runs it at once
  // rather than after the server's answer to the same move (as it would on `value`).
  // While a drag is under way (the value is not yet the dragged one) a move already drawn
  // above is left out of Dash's copy of the figure, so Plotly does not draw it twice; the
  // check after the server's answer to the settled value brings that copy up to date.
  function scenarioGrowth(dragValue, f, figure, ready, failures, value) {
    var d = page.drawn;
    if (dragValue !== value && d !== null && d.g === dragValue && f && sameFacts(d.f, f)) {
      var no = window.dash_clientside.no_update;
      return [no, no, ready === true ? no : true, no];
    }
    return answer(dragValue, f, figure, ready, failures, true);
  }

  // After each answer of the server (new address or new facts): the chart must show the
  // control's value, whatever came in between (a rate the server clamped, a typed rate,
  // a move made while other facts were on their way).
  function scenarioCheck(search, f, value, figure, ready, failures) {
    return answer(value, f, figure, ready, failures, false);
  }

  // A settled move (the control's value is the dragged one: a key press, or the end of a
  // drag) once the frame showing its chart has been drawn: the server's callback waits
  // for it (see callbacks.py), so Dash prepares its request after the drawing, not
  // before. Typing or dragging in progress: nothing (the value alone runs the server).
  // Before the server's first answer (no facts yet) the page is still loading: nothing.
  function afterDraw(dragValue, value, f) {
    if (!f || dragValue !== value) { return window.dash_clientside.no_update; }
    return new Promise(function (resolve) {
      requestAnimationFrame(function () { setTimeout(function () { resolve(value); }, 0); });
    });
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.tradeDash = {
    scenarioGrowth: scenarioGrowth,
    scenarioCheck: scenarioCheck,
    afterDraw: afterDraw,
    // For the browser tests' cross-check with the Python model and wording.
    scenario: scenario,
    growth: growth,
  };
})();
