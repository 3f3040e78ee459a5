// Escape hides the card of the focused citation link (WCAG 1.4.13); moving focus brings it back.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    var link = document.activeElement;
    if (event.key !== "Escape" || !link || !link.matches("a[data-citation]")) return;
    var card = document.getElementById(link.getAttribute("aria-describedby"));
    if (card) card.setAttribute("data-dismissed", "");
  });
  document.addEventListener("focusout", function (event) {
    if (!event.target.matches || !event.target.matches("a[data-citation]")) return;
    var card = document.getElementById(event.target.getAttribute("aria-describedby"));
    if (card) card.removeAttribute("data-dismissed");
  });
})();
