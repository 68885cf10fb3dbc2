// Payload Inspector console: progress polling and tree helpers. No payload text is ever
// inserted as HTML here; only textContent and attributes of our own elements are changed.
"use strict";
(function () {
  document.documentElement.classList.add("js");

  function poll(box) {
    var url = box.getAttribute("data-status-url");
    var elapsed = document.getElementById("progress-elapsed");
    var text = document.getElementById("progress-text");
    var delay = 1000;
    function tick() {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) {
          if (r.status === 401) { window.location.reload(); return null; }
          return r.ok ? r.json() : null;
        })
        .then(function (body) {
          if (body && (body.status === "done" || body.status === "failed")) {
            window.location.reload();
            return;
          }
          if (body && elapsed) { elapsed.textContent = String(Math.round(body.elapsed_s)); }
          if (body && text && body.status) { text.firstChild.textContent = "The inspection is " + body.status + ": "; }
          delay = Math.min(delay * 1.3, 5000);
          window.setTimeout(tick, delay);
        })
        .catch(function () { delay = Math.min(delay * 2, 10000); window.setTimeout(tick, delay); });
    }
    window.setTimeout(tick, delay);
  }

  // Open the tree down to an artifact named in the URL fragment (links from the findings table).
  function reveal() {
    var id = window.location.hash.slice(1);
    if (!/^artifact-[0-9a-f]{64}$/.test(id)) { return; }
    var node = document.getElementById(id);
    if (!node) { return; }
    for (var el = node; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
    }
    var own = node.querySelector("details");
    if (own) { own.open = true; own.querySelector("summary").focus(); }
  }

  function setAll(open) {
    var all = document.querySelectorAll(".tree details");
    for (var i = 0; i < all.length; i++) { all[i].open = open; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("progress");
    if (box) { poll(box); }
    var expand = document.getElementById("expand-all");
    if (expand) { expand.addEventListener("click", function () { setAll(true); }); }
    var collapse = document.getElementById("collapse-all");
    if (collapse) { collapse.addEventListener("click", function () { setAll(false); }); }
    reveal();
    window.addEventListener("hashchange", reveal);
  });
})();
