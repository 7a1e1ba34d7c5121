// Abuse Desk dashboard: live countdowns and copy buttons. No inline script anywhere (CSP).
"use strict";
(function () {
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function clock(ms) {
    var s = Math.floor(Math.abs(ms) / 1000);
    var text = pad(Math.floor(s / 3600)) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60);
    return ms < 0 ? "-" + text : text;
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll(".countdown[data-deadline]").forEach(function (el) {
      var left = Number(el.getAttribute("data-deadline")) - now;
      var overdue = left <= 0;
      el.textContent = clock(left) + (overdue ? " " + el.getAttribute("data-overdue") : "");
      el.classList.toggle("overdue", overdue);
    });
  }
  function copy(button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target) { return; }
    var text = target.value !== undefined ? target.value : target.textContent;
    var label = button.textContent;
    var done = function () {
      button.textContent = button.getAttribute("data-copied");
      button.classList.add("copied");
      setTimeout(function () { button.textContent = label; button.classList.remove("copied"); }, 2000);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(target, done); });
    } else {
      fallback(target, done);
    }
  }
  function fallback(target, done) {
    if (target.select) { target.select(); } else {
      var range = document.createRange();
      range.selectNodeContents(target);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    if (document.execCommand("copy")) { done(); }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy");
    if (button) { copy(button); }
  });
  tick();
  setInterval(tick, 1000);
})();
