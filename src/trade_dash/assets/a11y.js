// Names the growth slider's thumb and number box after its visible label, which the
// slider component does not do itself (screen readers would announce an unnamed slider).
(function () {
  function label() {
    var name = document.getElementById("growth-label");
    if (!name) { return; }
    document.querySelectorAll("#growth [role=slider], #growth input").forEach(function (el) {
      if (!el.getAttribute("aria-label")) { el.setAttribute("aria-label", name.textContent); }
    });
  }
  new MutationObserver(label).observe(document.documentElement, {childList: true, subtree: true});
})();
