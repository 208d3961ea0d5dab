/* SOP AP pages: copy a step's link (at the revision shown: the address a memo cites);
   enlarge a swimlane diagram. No network use. */
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Intranets often serve plain http, where the Clipboard API is unavailable.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  function onStepLink(event) {
    var link = event.target.closest && event.target.closest("a.sop-tautan-langkah");
    if (!link) return;
    // The revision's permanent page (`data-revisi`, relative), so the copied address keeps
    // showing this text after the SOP is revised; the page's own address otherwise.
    var example = document.getElementById("contoh-tautan-revisi");
    var base = example && example.getAttribute("data-revisi");
    var target = (base || "") + link.getAttribute("href");
    var url = new URL(target, window.location.href).href;
    copyText(url).then(function () {
      link.classList.add("sop-tersalin");
      window.setTimeout(function () { link.classList.remove("sop-tersalin"); }, 1500);
    });
  }

  function addEnlargeButtons() {
    document.querySelectorAll(".sop-diagram").forEach(function (box) {
      if (box.querySelector(".sop-perbesar")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sop-perbesar";
      button.textContent = "Perbesar";
      button.addEventListener("click", function () {
        var full = box.classList.toggle("sop-penuh");
        button.textContent = full ? "Tutup" : "Perbesar";
      });
      box.insertBefore(button, box.firstChild);
    });
  }

  document.addEventListener("click", onStepLink);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".sop-diagram.sop-penuh .sop-perbesar").forEach(function (b) {
      b.click();
    });
  });
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(addEnlargeButtons); // Material, also after instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", addEnlargeButtons);
  }
})();
