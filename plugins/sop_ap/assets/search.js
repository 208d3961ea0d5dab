/* Site search over Pagefind's index (pagefind/ in the site), in Material's search dialog
   (partials/sop-ap-search.html). Pagefind's script and its small entry files load when
   the page is idle after loading (cached from then on); a query fetches only the index
   chunks and records it needs. Every request stays on the site's host. */
(function () {
  "use strict";

  var root = document.querySelector(".md-search[data-sop-ap-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;
  var form = root.querySelector("form");
  var input = root.querySelector(".md-search__input");
  var info = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var config = JSON.parse(document.getElementById("__config").textContent);
  var t = config.translations || {};
  var site = new URL(config.base.replace(/\/?$/, "/"), window.location.href);
  var SHOWN = 5;           // results drawn at once; "more" draws the next ones
  var EXCERPT = 30;        // words in a passage
  var pagefind = null;     // Promise of the Pagefind API, once loaded
  var current = 0;         // number of the latest query; older answers are dropped
  var pending = [];        // results not drawn yet

  function text(key, count) {
    var value = t[key] || "";
    return count === undefined ? value : value.replace("#", String(count));
  }

  function api() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", site).href).then(function (pf) {
        return pf.options({ baseUrl: site.pathname, excerptLength: EXCERPT })
          .then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
    }
    return pagefind;
  }

  /* Pagefind also matches a word by its prefix ("iku" finds "ikut", the stem of
     "berikut"). A query word that is itself a word of the index ("iku" is) keeps only
     the pages where that word occurs; an unfinished word still matches by prefix. */
  function exactPages(pf, query) {
    var words = query.split(/\s+/).filter(function (w) { return /[\p{L}\p{N}]{2,}/u.test(w); });
    return Promise.all(words.map(function (w) {
      return pf.search('"' + w.replace(/"/g, "") + '"').then(function (r) { return r.results; });
    })).then(function (sets) {
      var keep = null;
      sets.forEach(function (results) {
        if (!results.length) return;
        var ids = new Set(results.map(function (r) { return r.id; }));
        keep = keep ? new Set(Array.from(keep).filter(function (id) { return ids.has(id); })) : ids;
      });
      return keep;
    });
  }

  function search(query) {
    var number = ++current;
    query = query.trim();
    if (!query) {
      show(number, query, []);
      return Promise.resolve();
    }
    return api().then(function (pf) {
      return Promise.all([pf.search(query), exactPages(pf, query)]).then(function (answer) {
        var results = answer[0] ? answer[0].results : [];
        var keep = answer[1];
        if (keep) results = results.filter(function (r) { return keep.has(r.id); });
        return show(number, query, results);
      });
    });
  }

  function show(number, query, results) {
    if (number !== current) return Promise.resolve();
    list.textContent = "";
    pending = results.slice();
    if (!query) {
      info.textContent = text("search.result.placeholder");
      return Promise.resolve();
    }
    info.textContent = results.length === 0 ? text("search.result.none")
      : results.length === 1 ? text("search.result.one")
        : text("search.result.other", results.length);
    return more(number, query);
  }

  function more(number, query) {
    var batch = pending.splice(0, SHOWN);
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (data) {
      if (number !== current) return;
      var old = list.querySelector(".sop-cari-lagi");
      if (old) old.remove();
      var terms = query.split(/\s+/).map(normal).filter(Boolean);
      data.forEach(function (d) { list.appendChild(item(d, terms)); });
      if (pending.length) list.appendChild(moreButton(number, query));
    });
  }

  function moreButton(number, query) {
    var li = document.createElement("li");
    li.className = "md-search-result__item sop-cari-lagi";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-search-result__more";
    button.textContent = "Tampilkan " + Math.min(SHOWN, pending.length) + " hasil lagi";
    button.addEventListener("click", function () { more(number, query); });
    li.appendChild(button);
    return li;
  }

  /* The best place: of the step rows and sections that hold matches, the one with the
     most query words matched (then the title, then the most matched weight). The passage shows its
     strongest match; the link goes to that step row or section. The SOP number, repeated as hidden text with
     the highest weight, is left out when the match is also elsewhere. */
  var BOOST = 10;

  function normal(word) {
    return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  /* The query word a matched word stands for ("35" for "3", "verifikasi" for
     "memverifikasi"), so that the place with the most query words wins, not the one with
     the most variants of one. */
  function term(terms, word) {
    for (var i = 0; i < terms.length; i++) {
      if (word.indexOf(terms[i]) !== -1 || terms[i].indexOf(word) !== -1) return terms[i];
    }
    return word;
  }

  function place(d, terms) {
    var words = d.content.split(/\s+/);
    var all = (d.weighted_locations || []).slice().sort(function (a, b) {
      return a.location - b.location;
    });
    // not the hidden SOP number, nor a word of a printed address (the citation example)
    var visible = all.filter(function (h) {
      return h.weight < BOOST && !/:\/\//.test(words[h.location] || "");
    });
    var hits = visible.length ? visible : all;
    var marks = new Set(all.map(function (h) { return h.location; }));
    if (!hits.length) return { start: 0, marks: marks, anchor: null, words: words };
    var groups = new Map();  // matches by the anchor that holds them
    var at = anchorsAt(d.anchors || []);
    hits.forEach(function (h) {
      var anchor = at(h.location);
      var key = anchor ? anchor.id : "";
      if (!groups.has(key)) groups.set(key, { anchor: anchor, words: new Set(), score: 0, top: h });
      var g = groups.get(key);
      g.words.add(term(terms, normal(words[h.location] || "")));
      g.score += h.balanced_score;
      if (h.balanced_score > g.top.balanced_score) g.top = h;
    });
    var best = null;
    groups.forEach(function (g) {
      // the page's title (no anchor) wins a tie on distinct words: a title match is the page
      var key = [g.words.size, g.anchor ? 0 : 1, g.score];
      if (!best || key[0] > best.key[0] || (key[0] === best.key[0] &&
          (key[1] > best.key[1] || (key[1] === best.key[1] && key[2] > best.key[2])))) {
        best = g;
        best.key = key;
      }
    });
    var anchor = best.anchor;
    var start = Math.max(0, anchor ? anchor.location : 0, best.top.location - 10);
    start = Math.max(0, Math.min(start, words.length - EXCERPT));
    return { start: start, marks: marks, anchor: anchor, words: words };
  }

  /* For locations in increasing order: the anchor that holds each, a step row
     (`langkah-…`) or a section (h2–h6, or a div/span with an id); of anchors at the same
     place, the outer one (the div#dasar-hukum, not its heading). The h1 is the page
     itself: no anchor. One pass over the anchors for all locations. */
  function anchorsAt(anchors) {
    var i = 0, found = null;
    return function (location) {
      for (; i < anchors.length && anchors[i].location <= location; i++) {
        var a = anchors[i];
        var step = a.element === "tr" && /^langkah-/.test(a.id);
        var section = /^(h[2-6]|div|section|span)$/.test(a.element);
        if (a.element === "h1") found = null;
        else if ((step || section) && !(found && found.location === a.location)) found = a;
      }
      return found;
    };
  }

  function item(d, terms) {
    var where = place(d, terms);
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.tabIndex = -1;
    a.href = d.url + (where.anchor ? "#" + where.anchor.id : "");
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var h = document.createElement("h1");
    h.textContent = (d.meta && d.meta.title) || d.url;
    article.appendChild(h);
    var facts = [];
    if (d.meta && d.meta.nomor) facts.push("Nomor " + d.meta.nomor);
    if (d.meta && d.meta.unit) facts.push(d.meta.unit);
    var step = where.anchor && /^langkah-(?:([a-z0-9]+)-)?(\d+)$/.exec(where.anchor.id);
    if (step) {
      facts.push("Langkah " + (step[1] ? step[1].toUpperCase() + "." : "") + step[2]);
    } else if (where.anchor && /^h[2-6]$/.test(where.anchor.element) && where.anchor.text) {
      facts.push(where.anchor.text);
    }
    if (facts.length) {
      var p = document.createElement("p");
      p.className = "sop-cari-info";
      p.textContent = facts.join(" · ");
      article.appendChild(p);
    }
    var passage = document.createElement("p");
    passage.className = "sop-cari-kutipan";
    var end = Math.min(where.words.length, where.start + EXCERPT);
    for (var i = where.start; i < end; i++) {
      if (i > where.start) passage.appendChild(document.createTextNode(" "));
      if (where.marks.has(i)) {
        var mark = document.createElement("mark");
        mark.textContent = where.words[i];
        passage.appendChild(mark);
      } else {
        passage.appendChild(document.createTextNode(where.words[i]));
      }
    }
    if (end < where.words.length) passage.appendChild(document.createTextNode(" …"));
    article.appendChild(passage);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
    api();
  }

  function close() {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    input.blur();
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link, button"));
  }

  function typing(target) {
    return target && (target.isContentEditable ||
      /^(input|textarea|select)$/i.test(target.tagName));
  }

  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      window.setTimeout(function () { input.focus(); }, 0);
      api();
    }
  });
  input.addEventListener("focus", function () {
    if (!toggle.checked) open();
  });
  input.addEventListener("input", function () { search(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector(".md-search-result__link");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { search(""); input.focus(); }, 0);
  });
  list.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a");
    if (link) close();  // a link within this page only scrolls: close the dialog too
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!toggle.checked) {
      if ((event.key === "/" || event.key === "s" || event.key === "S") &&
          !typing(event.target)) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var all = links();
    if (!all.length) return;
    event.preventDefault();
    var at = all.indexOf(document.activeElement);
    var next = event.key === "ArrowDown" ? at + 1 : at - 1;
    if (next < 0) { input.focus(); return; }
    all[Math.min(next, all.length - 1)].focus();
  });

  // Load Pagefind once the page is idle, so that the first query does not wait for it.
  function preload() {
    if (window.requestIdleCallback) window.requestIdleCallback(api, { timeout: 2000 });
    else window.setTimeout(api, 200);
  }
  if (document.readyState === "complete") preload();
  else window.addEventListener("load", preload);

  window.sopApSearch = search;  // for tests and the benchmark: run a query, await its drawing
})();
