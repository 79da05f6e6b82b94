// Keyboard and screen-reader fixes for components that do not provide them themselves.
(function () {
  // Names the growth slider's thumb and number box after its visible label, which the
  // slider component does not do itself (screen readers would announce an unnamed slider).
  function label() {
    var name = document.getElementById("growth-label");
    if (!name) { return; }
    document.querySelectorAll("#growth [role=slider], #growth input").forEach(function (el) {
      if (!el.getAttribute("aria-label")) { el.setAttribute("aria-label", name.textContent); }
    });
  }

  // dcc.Clipboard draws a clickable <div>: without this it cannot be reached by Tab,
  // has no role or name, and ignores Enter and Space.
  function keyboardButtons() {
    document.querySelectorAll(".keyboard-button:not([tabindex])").forEach(function (el) {
      el.setAttribute("tabindex", "0");
      el.setAttribute("role", "button");
      el.setAttribute("aria-label", el.getAttribute("title") || el.textContent);
      el.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          el.click();
        }
      });
    });
  }

  // AG Grid leaves its disabled paging buttons (first and previous page on the first page)
  // in the Tab order, where they do nothing: only the usable ones are stops.
  function pagingButtons() {
    document.querySelectorAll(".ag-paging-button").forEach(function (el) {
      var stop = el.getAttribute("aria-disabled") === "true" ? "-1" : "0";
      if (el.getAttribute("tabindex") !== stop) { el.setAttribute("tabindex", stop); }
    });
  }

  function fix() { label(); keyboardButtons(); pagingButtons(); }
  new MutationObserver(fix).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["aria-disabled"],
  });

  // AG Grid moves focus into its paging controls itself, without scrolling them into view,
  // so a keyboard user would not see what has focus.
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (el instanceof Element && el.closest(".ag-paging-panel")) {
      el.scrollIntoView({block: "nearest"});
    }
  });

  // AG Grid moves Tab from cell to cell, so a keyboard user would press it once per cell
  // to get past the sources table. Answering false hands Tab back to the browser: one
  // stop in the grid, arrow keys inside it (the ARIA grid pattern). Named here because
  // dash-ag-grid looks up the functions a layout names in this object.
  window.dashAgGridFunctions = window.dashAgGridFunctions || {};
  window.dashAgGridFunctions.leaveGridOnTab = function () { return false; };
})();
