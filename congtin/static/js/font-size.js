// Reader's font-size choice for article text ("Mặc định", larger, smaller), remembered across visits.
(function () {
  "use strict";
  var KEY = "congtin.fontStep";
  var STEPS = [0.875, 1, 1.125, 1.25, 1.375, 1.5];
  var DEFAULT_INDEX = 1;
  var text = document.querySelector("[data-article-text]");
  var control = document.querySelector("[data-font-size-control]");
  if (!text || !control) return;

  function read() {
    try {
      var v = parseInt(window.localStorage.getItem(KEY), 10);
      return isNaN(v) ? DEFAULT_INDEX : Math.min(Math.max(v, 0), STEPS.length - 1);
    } catch (e) {
      return DEFAULT_INDEX;
    }
  }
  function apply(index) {
    text.style.fontSize = STEPS[index] + "rem";
    control.querySelectorAll("button").forEach(function (b) {
      var step = parseInt(b.getAttribute("data-font-step"), 10);
      b.setAttribute("aria-pressed", String(step === 0 && index === DEFAULT_INDEX));
      if (step < 0) b.disabled = index === 0;
      if (step > 0) b.disabled = index === STEPS.length - 1;
    });
  }
  var current = read();
  apply(current);
  control.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-font-step]");
    if (!button) return;
    var step = parseInt(button.getAttribute("data-font-step"), 10);
    current = step === 0 ? DEFAULT_INDEX : Math.min(Math.max(current + step, 0), STEPS.length - 1);
    try { window.localStorage.setItem(KEY, String(current)); } catch (e) { /* private mode: session only */ }
    apply(current);
  });
})();
