/* Answer pages: show a follow-up question only when the answer it depends on is chosen.
 * Without this script the page still works: the server asks a follow-up on the next page.
 * Accessibility: the controlling inputs name the follow-up in aria-controls; showing it is
 * announced in a polite live region; focus stays on the answer just chosen. */
(function () {
  "use strict";
  function init() {
    var form = document.querySelector(".kosmos-respond__form");
    if (!form) { return; }
    var flag = form.querySelector("[data-kosmos-js]");
    if (flag) { flag.value = "1"; }
    var live = form.querySelector("[data-kosmos-announce]");
    var blocks = form.querySelectorAll("[data-condition-field]");
    Array.prototype.forEach.call(blocks, function (block) {
      var name = block.getAttribute("data-condition-field");
      var values = (block.getAttribute("data-condition-values") || "").split(" ");
      var inputs = form.querySelectorAll("input[name=\"" + name + "\"]");
      Array.prototype.forEach.call(inputs, function (input) {
        var ids = (input.getAttribute("aria-controls") || "").split(" ").filter(Boolean);
        if (ids.indexOf(block.id) < 0) { ids.push(block.id); }
        input.setAttribute("aria-controls", ids.join(" "));
        input.addEventListener("change", update);
      });
      function update() {
        var applies = Array.prototype.some.call(inputs, function (input) {
          return input.checked && values.indexOf(input.value) >= 0;
        });
        if (applies === !block.hidden) { return; }
        block.hidden = !applies;
        if (applies && live) {
          live.textContent = "";
          window.setTimeout(function () { live.textContent = block.getAttribute("data-announce") || ""; }, 50);
        }
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
