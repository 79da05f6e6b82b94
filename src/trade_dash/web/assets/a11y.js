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

  // Components that take no aria attributes (dcc.Textarea) sit in a wrapper naming the
  // element that describes them, the help under the control.
  function described() {
    document.querySelectorAll("[data-describedby]").forEach(function (wrapper) {
      var control = wrapper.querySelector("textarea, input, select");
      if (control && !control.getAttribute("aria-describedby")) {
        control.setAttribute("aria-describedby", wrapper.getAttribute("data-describedby"));
      }
    });
  }

  function fix() { label(); keyboardButtons(); described(); }
  new MutationObserver(fix).observe(document.documentElement, {childList: true, subtree: true});
})();
