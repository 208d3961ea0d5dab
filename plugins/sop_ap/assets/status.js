/* sop-ap under `mkdocs serve` only: show data errors on the page. While the
   data has errors the server keeps the last valid pages and writes the
   errors to status.json; this banner lists them until they are fixed. */
(function () {
  "use strict";
  function base() {
    var config = document.getElementById("__config");
    try { return config ? JSON.parse(config.textContent).base : "."; } catch (e) { return "."; }
  }
  function show() {
    fetch(base() + "/assets/sop-ap/status.json", { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : { errors: [] }; })
      .then(function (status) {
        var old = document.getElementById("sop-ap-galat");
        if (old) old.remove();
        if (!status.errors || !status.errors.length) return;
        var box = document.createElement("div");
        box.id = "sop-ap-galat";
        box.className = "admonition failure";
        var title = document.createElement("p");
        title.className = "admonition-title";
        title.textContent = "Data SOP berisi kesalahan: halaman ini menampilkan data valid terakhir";
        box.appendChild(title);
        var list = document.createElement("ul");
        status.errors.forEach(function (line) {
          var item = document.createElement("li");
          var code = document.createElement("code");
          code.textContent = line;
          item.appendChild(code);
          list.appendChild(item);
        });
        box.appendChild(list);
        var content = document.querySelector(".md-content__inner") || document.body;
        content.insertBefore(box, content.firstChild);
      })
      .catch(function () {});
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(show);
  else document.addEventListener("DOMContentLoaded", show);
})();
