
/* sop-ap: appended to the pinned mermaid.min.js (after mermaid-limits.js).
   Mermaid's swimlane layout (11.17) draws some arrows and labels in ways that mislead:
   arrowheads that stop beside a diamond's point or a capsule's curve, an arrow that
   ends on a lane border away from its target, a loop's label drawn far from its line,
   capsule text running outside the capsule's curve, and the boxes of a meeting drawn
   as a staircase. Every swimlane diagram is tidied after Mermaid draws it and before
   the page shows it (Material inserts the returned SVG into the page):
   - capsules are widened until every text line fits inside the curve;
   - an arrow back up to a symbol that already has a link to it (a diamond back to its
     own row's box, a loop through a junction point) goes round the side instead of
     running on top of that link;
   - an arrow back into its own symbol (drawn through a junction point, `<id>u<n>`, as
     Mermaid cannot draw a node's edge to itself) leaves the side with more room to the
     point, placed beside it, and comes back in from above, with its label;
   - an arrow to a symbol further down enters it from above, never by running below it
     and back up (which reads as a loop from the end);
   - every arrow ends on its target's outline (rerouted with one bend where its last
     segment misses the target);
   - a line that runs past a corner and comes back (a stub) is cut at the corner;
   - a label that is not on its own line, or covers a symbol or another label, is moved
     along its line to where it covers neither;
   - the boxes of a meeting (`%% sop-ap rapat: a b c`, written by swimlane.py; the
     generator keeps them in one row with invisible links) are joined by plain lines.
   Nothing is added or removed: the arrows drawn are the arrows of the data. */
(function () {
  var m = window.mermaid;
  if (!m || m.__sopApTidy) return;
  var render = m.render.bind(m);
  m.render = function (id, text, container) {
    return render(id, text, container).then(function (result) {
      if (/^\s*(?:---[\s\S]*?---\s*)?swimlane-beta\b/.test(text)) {
        try {
          result.svg = tidy(result.svg, text);
        } catch (e) {
          if (window.console) console.warn("sop-ap: swimlane not tidied", e);
        }
      }
      return result;
    });
  };
  m.__sopApTidy = true;

  var ARROW_GAP = 4; // the path stops this far before the tip; the arrowhead covers it

  function tidy(svgText, source) {
    var host = document.createElement("div");
    host.style.cssText = "position:absolute;left:-100000px;top:0;visibility:hidden";
    host.innerHTML = svgText;
    document.body.appendChild(host);
    try {
      var svg = host.querySelector("svg");
      var root = svg.querySelector("g.root") || svg;
      var nodes = collectNodes(svg, root);
      widenCapsules(root, nodes);
      joinMeetings(root, nodes, source);
      separateReturns(root, nodes);
      enterFromAbove(root, nodes);
      snapArrows(root, nodes);
      tuckLoops(root, nodes);
      dropOvershoots(root);
      placeLabels(root, nodes);
      return host.innerHTML;
    } finally {
      host.remove();
    }
  }

  // ------------------------------------------------------------------ geometry

  function toRoot(root, el) {
    return root.getScreenCTM().inverse().multiply(el.getScreenCTM());
  }

  function point(matrix, x, y) {
    var p = new DOMPoint(x, y).matrixTransform(matrix);
    return { x: p.x, y: p.y };
  }

  function boxIn(root, el) {
    var b = el.getBBox();
    var mx = toRoot(root, el);
    var a = point(mx, b.x, b.y), c = point(mx, b.x + b.width, b.y + b.height);
    return { x: Math.min(a.x, c.x), y: Math.min(a.y, c.y),
             w: Math.abs(c.x - a.x), h: Math.abs(c.y - a.y) };
  }

  function collectNodes(svg, root) {
    var nodes = {};
    svg.querySelectorAll("g.node").forEach(function (g) {
      var match = /-flowchart-(.+)-\d+$/.exec(g.id || "");
      if (!match) return;
      var shape = g.querySelector("polygon") ? "diamond"
        : g.querySelector(".outer-path") ? "capsule" : "rect";
      var el = g.querySelector("polygon, .label-container, rect, path, circle");
      if (!el) return;
      var b = boxIn(root, el);
      nodes[match[1]] = { id: match[1], g: g, shape: shape, el: el,
                          cx: b.x + b.w / 2, cy: b.y + b.h / 2, hw: b.w / 2, hh: b.h / 2 };
    });
    return nodes;
  }

  // Half of the target's extent along the line x = X (vertical) or y = Y (horizontal):
  // how far from the centre the outline is, or -1 where the line misses the shape.
  function reach(node, offset, vertical) {
    var along = vertical ? node.hh : node.hw, across = vertical ? node.hw : node.hh;
    var d = Math.abs(offset);
    if (d >= across - 1) return -1;
    if (node.shape === "diamond") return along * (1 - d / across);
    if (node.shape === "capsule") {
      var r = node.hh, straight = node.hw - r;
      if (vertical) {
        if (d <= straight) return along;
        var dx = d - straight;
        return Math.sqrt(Math.max(r * r - dx * dx, 0));
      }
      return straight + Math.sqrt(Math.max(r * r - d * d, 0));
    }
    return along;
  }

  // ------------------------------------------------------------------ capsules

  function widenCapsules(root, nodes) {
    Object.keys(nodes).forEach(function (id) {
      var node = nodes[id];
      if (node.shape !== "capsule") return;
      var fo = node.g.querySelector("foreignObject");
      if (!fo) return;
      var inverse = root.getScreenCTM().inverse();
      var r = node.hh, need = node.hw - r;
      var rects = [];
      var walker = document.createTreeWalker(fo, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        var range = document.createRange();
        range.selectNodeContents(walker.currentNode);
        rects.push.apply(rects, Array.prototype.slice.call(range.getClientRects()));
      }
      rects.forEach(function (line) {
        if (line.width < 1) return;
        var a = point(inverse, line.left, line.top), b = point(inverse, line.right, line.bottom);
        var dy = Math.max(Math.abs(a.y - node.cy), Math.abs(b.y - node.cy));
        if (dy >= r) return;
        var dx = Math.max(Math.abs(a.x - node.cx), Math.abs(b.x - node.cx));
        need = Math.max(need, dx - Math.sqrt(r * r - dy * dy) + 2);
      });
      if (need <= node.hw - r + 0.5) return;
      var s = need;
      var c = point(toRoot(root, node.el).inverse(), node.cx, node.cy);
      var n = function (v) { return v.toFixed(2); };
      var d = "M " + n(c.x - s) + " " + n(c.y - r) + " L " + n(c.x + s) + " " + n(c.y - r) +
        " A " + n(r) + " " + n(r) + " 0 0 1 " + n(c.x + s) + " " + n(c.y + r) +
        " L " + n(c.x - s) + " " + n(c.y + r) +
        " A " + n(r) + " " + n(r) + " 0 0 1 " + n(c.x - s) + " " + n(c.y - r) + " Z";
      node.g.querySelectorAll(".outer-path path, path.outer-path").forEach(function (p) {
        p.setAttribute("d", d);
      });
      node.hw = s + r;
    });
  }

  // ------------------------------------------------------------------ arrows

  function readPoints(path) {
    try {
      return JSON.parse(atob(path.getAttribute("data-points") || ""));
    } catch (e) {
      return null;
    }
  }

  function ends(path) {
    var match = /^L_(.+?)_(.+)_\d+$/.exec(path.getAttribute("data-id") || "");
    return match ? { from: match[1], to: match[2] } : null;
  }

  function writePath(path, pts, arrow) {
    var drawn = pts.map(function (p) { return { x: p.x, y: p.y }; });
    if (arrow && drawn.length > 1) {
      var a = drawn[drawn.length - 2], b = drawn[drawn.length - 1];
      var len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      var gap = Math.min(ARROW_GAP, len / 2);
      drawn[drawn.length - 1] = { x: b.x - (b.x - a.x) / len * gap,
                                  y: b.y - (b.y - a.y) / len * gap };
    }
    path.setAttribute("d", "M" + drawn.map(function (p) {
      return p.x.toFixed(2) + "," + p.y.toFixed(2);
    }).join("L"));
    path.setAttribute("data-points", btoa(JSON.stringify(pts)));
  }

  function snapArrows(root, nodes) {
    root.querySelectorAll("path[data-edge=true]").forEach(function (path) {
      if (!path.getAttribute("marker-end")) return;
      var e = ends(path), pts = readPoints(path);
      if (!e || !pts || pts.length < 2 || !nodes[e.to]) return;
      var t = nodes[e.to];
      var a = pts[pts.length - 2], b = pts[pts.length - 1];
      var vertical = Math.abs(a.x - b.x) < 0.5;
      var tip = null;
      if (vertical) {
        var down = reach(t, b.x - t.cx, true);
        if (down >= 0) tip = { x: b.x, y: t.cy + (a.y < t.cy ? -down : down) };
      } else {
        var side = reach(t, b.y - t.cy, false);
        if (side >= 0) tip = { x: t.cx + (a.x < t.cx ? -side : side), y: b.y };
      }
      var fixed = pts.slice(0, -1);
      if (!tip) {
        // The last segment misses the target: one bend, then straight into it.
        if (a.y < t.cy - t.hh || a.y > t.cy + t.hh) {
          fixed.push({ x: t.cx, y: a.y });
          tip = { x: t.cx, y: t.cy + (a.y < t.cy ? -t.hh : t.hh) };
        } else {
          fixed.push({ x: a.x, y: t.cy });
          tip = { x: t.cx + (a.x < t.cx ? -reach(t, 0, false) : reach(t, 0, false)),
                  y: t.cy };
        }
      }
      if (Math.hypot(tip.x - b.x, tip.y - b.y) < 1 && fixed.length === pts.length - 1) return;
      fixed.push(tip);
      writePath(path, fixed, true);
    });
  }

  // ------------------------------------------------------------------ returns

  function labelWidth(root, edgeId) {
    var label = root.querySelector('g.edgeLabel[id$="-' + edgeId + '"]');
    return label ? boxIn(root, label).w : 0;
  }

  // The right (dir 1) or left (dir -1) border of the lane at x.
  function lane(root, x, dir) {
    var found = dir > 0 ? Infinity : -Infinity;
    root.querySelectorAll("rect.swimlane-body").forEach(function (rect) {
      var b = boxIn(root, rect);
      if (x >= b.x && x <= b.x + b.w) found = dir > 0 ? b.x + b.w : b.x;
    });
    return found;
  }

  function laneTop(root, x) {
    var top = -Infinity;
    root.querySelectorAll("rect.swimlane-body").forEach(function (rect) {
      var b = boxIn(root, rect);
      if (x >= b.x && x <= b.x + b.w) top = b.y;
    });
    return top;
  }

  // Whether another link starts or ends at point p.
  function used(paths, self, p) {
    return paths.some(function (other) {
      if (other === self) return false;
      var pts = readPoints(other);
      if (!pts || !pts.length) return false;
      return [pts[0], pts[pts.length - 1]].some(function (q) {
        return Math.hypot(q.x - p.x, q.y - p.y) < 6;
      });
    });
  }

  function separateReturns(root, nodes) {
    var paths = Array.prototype.slice.call(root.querySelectorAll("path[data-edge=true]"));
    var pairs = {};
    paths.forEach(function (path) {
      var e = ends(path);
      if (e) pairs[e.from + " " + e.to] = true;
    });
    paths.forEach(function (path) {
      var e = ends(path);
      if (!e || !path.getAttribute("marker-end") || !pairs[e.to + " " + e.from]) return;
      var u = nodes[e.from], v = nodes[e.to];
      if (!u || !v || v.cy >= u.cy) return;
      // Round the right side, or the left where another link already leaves the
      // source's or enters the target's right side.
      var dir = used(paths, path, { x: u.cx + reach(u, 0, false), y: u.cy }) ||
        used(paths, path, { x: v.cx + reach(v, 0, false), y: v.cy }) ? -1 : 1;
      var start = { x: u.cx + dir * reach(u, 0, false), y: u.cy };
      var width = labelWidth(root, path.getAttribute("data-id"));
      var side = dir > 0
        ? Math.min(Math.max(u.cx + u.hw, v.cx + v.hw, start.x + width + 6) + 10,
                   lane(root, u.cx, 1) - 4)
        : Math.max(Math.min(u.cx - u.hw, v.cx - v.hw, start.x - width - 6) - 10,
                   lane(root, u.cx, -1) + 4);
      writePath(path, [start, { x: side, y: u.cy }, { x: side, y: v.cy },
                       { x: v.cx + dir * reach(v, 0, false), y: v.cy }], true);
    });
  }

  // ------------------------------------------------------------------ loops

  function tuckLoops(root, nodes) {
    var paths = Array.prototype.slice.call(root.querySelectorAll("path[data-edge=true]"));
    Object.keys(nodes).forEach(function (id) {
      var match = /^(.+)u\d+$/.exec(id);
      var j = nodes[id], owner = match && nodes[match[1]];
      if (!owner || j.hw > 12) return; // a junction point is a small circle
      // The side of the symbol with more room in its lane.
      var half = reach(owner, 0, false);
      var right = lane(root, owner.cx, 1) - (owner.cx + half);
      var left = (owner.cx - half) - lane(root, owner.cx, -1);
      var others = paths.filter(function (path) {
        var e = ends(path);
        return !e || (e.from !== id && e.to !== id); // the loop's own two are redrawn
      });
      var free = function (d) {
        return !used(others, null, { x: owner.cx + d * half, y: owner.cy });
      };
      var dir = free(1) !== free(-1) ? (free(1) ? 1 : -1) : (right >= left ? 1 : -1);
      var corner = { x: owner.cx + dir * half, y: owner.cy };
      var room = dir > 0 ? right : left;
      var gap = Math.max(6, Math.min(28, room - 2 * j.hw - 3));
      var x = corner.x + dir * (gap + j.hw);
      shift(j.g, x - j.cx, owner.cy - j.cy);
      j.cx = x;
      j.cy = owner.cy;
      // Back in from above, or from below where the symbol stands at the lane's top.
      var up = owner.cy - owner.hh - 14 > laneTop(root, owner.cx) + 4 ? -1 : 1;
      var above = owner.cy + up * (owner.hh + 14);
      paths.forEach(function (path) {
        var e = ends(path);
        if (!e) return;
        if (e.from === owner.id && e.to === id) {
          writePath(path, [corner, { x: x - dir * j.hw, y: owner.cy }], false);
        } else if (e.from === id && e.to === owner.id) {
          writePath(path, [{ x: x, y: owner.cy + up * j.hh }, { x: x, y: above },
                           { x: owner.cx, y: above },
                           { x: owner.cx, y: owner.cy + up * owner.hh }], true);
        }
      });
    });
  }

  // ------------------------------------------------------------------ downward arrows

  function boxesOf(nodes, except) {
    return Object.keys(nodes).filter(function (id) { return except.indexOf(id) < 0; })
      .map(function (id) {
        var n = nodes[id];
        return { x: n.cx - n.hw - 2, y: n.cy - n.hh - 2, w: 2 * n.hw + 4, h: 2 * n.hh + 4 };
      });
  }

  function crosses(pts, boxes) {
    for (var i = 0; i + 1 < pts.length; i++) {
      var a = pts[i], b = pts[i + 1];
      var seg = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y),
                  w: Math.abs(a.x - b.x) || 0.01, h: Math.abs(a.y - b.y) || 0.01 };
      if (boxes.some(function (o) { return overlaps(seg, o); })) return true;
    }
    return false;
  }

  function enterFromAbove(root, nodes) {
    var paths = Array.prototype.slice.call(root.querySelectorAll("path[data-edge=true]"));
    paths.forEach(function (path) {
      var e = ends(path), pts = readPoints(path);
      if (!e || !pts || pts.length < 2 || !path.getAttribute("marker-end")) return;
      var u = nodes[e.from], v = nodes[e.to];
      if (!u || !v || u.cy + u.hh >= v.cy - v.hh) return; // only a target further down
      // Straight down, as on paper, where the target stands right below and nothing
      // else leaves the source's bottom or stands in between.
      var bottom = { x: u.cx, y: u.cy + u.hh }, top = { x: v.cx, y: v.cy - v.hh };
      if (Math.abs(u.cx - v.cx) < 1 && pts.length > 2 && !used(paths, path, bottom) &&
          !crosses([bottom, { x: v.cx, y: top.y - 1 }], boxesOf(nodes, [e.from, e.to]))) {
        writePath(path, [bottom, top], true);
        return;
      }
      var lowest = Math.max.apply(null, pts.map(function (p) { return p.y; }));
      var highest = Math.min.apply(null, pts.map(function (p) { return p.y; }));
      var last = pts[pts.length - 2], tip = pts[pts.length - 1];
      // Fine as drawn: it stays between the two symbols and comes down into the target,
      // with a last segment long enough to carry the arrowhead.
      var lastLength = Math.hypot(tip.x - last.x, tip.y - last.y);
      if (lowest <= v.cy + 1 && highest >= u.cy - u.hh - 1 && !(last.y > tip.y + 0.5) &&
          lastLength >= 8) return;
      var obstacles = boxesOf(nodes, [e.from, e.to]);
      var start = { x: u.cx, y: u.cy + u.hh };
      var candidates = [v.cy - v.hh - 12, u.cy + u.hh + 12];
      for (var i = 0; i < candidates.length; i++) {
        var y = candidates[i];
        var route = [start, { x: u.cx, y: y }, { x: v.cx, y: y }, { x: v.cx, y: v.cy - v.hh }];
        if (Math.abs(u.cx - v.cx) < 1) route = [start, { x: v.cx, y: v.cy - v.hh }];
        if (!crosses(route.slice(0, -1).concat([{ x: v.cx, y: v.cy - v.hh - 1 }]),
                     obstacles)) {
          writePath(path, route, true);
          return;
        }
      }
    });
  }

  // ------------------------------------------------------------------ overshoots

  function dropOvershoots(root) {
    root.querySelectorAll("path[data-edge=true]").forEach(function (path) {
      var pts = readPoints(path);
      if (!pts || pts.length < 3) return;
      var out = pts.slice(), changed = false;
      for (var i = 1; i + 1 < out.length;) {
        var a = out[i - 1], b = out[i], c = out[i + 1];
        var collinear = (Math.abs(a.x - b.x) < 0.5 && Math.abs(b.x - c.x) < 0.5) ||
                        (Math.abs(a.y - b.y) < 0.5 && Math.abs(b.y - c.y) < 0.5);
        var back = (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y) < 0;
        if (collinear && back) {
          out.splice(i, 1);
          changed = true;
          i = Math.max(1, i - 1);
        } else {
          i++;
        }
      }
      if (changed) writePath(path, out, !!path.getAttribute("marker-end"));
    });
  }

  // ------------------------------------------------------------------ meetings

  function joinMeetings(root, nodes, source) {
    var group = root.querySelector("g.edgePaths") || root.querySelector("g.edges");
    var marker = /%% sop-ap rapat: ([^\n]+)/g, found;
    while ((found = marker.exec(source)) !== null) {
      var members = found[1].trim().split(/\s+/).map(function (id) { return nodes[id]; })
        .filter(Boolean).sort(function (p, q) { return p.cx - q.cx; });
      for (var i = 0; i + 1 < members.length; i++) {
        var left = members[i], right = members[i + 1];
        var y = (Math.max(left.cy - left.hh, right.cy - right.hh) +
                 Math.min(left.cy + left.hh, right.cy + right.hh)) / 2;
        var line = document.createElementNS("http://www.w3.org/2000/svg", "path");
        line.setAttribute("class", "edge-thickness-normal edge-pattern-solid flowchart-link");
        line.setAttribute("data-edge", "true");
        line.setAttribute("data-id", "L_" + left.id + "_" + right.id + "_0");
        line.setAttribute("style", "fill:none");
        writePath(line, [{ x: left.cx + left.hw, y: y }, { x: right.cx - right.hw, y: y }],
                  false);
        if (group) group.appendChild(line);
      }
    }
  }

  // ------------------------------------------------------------------ labels

  function distanceToPolyline(px, py, pts) {
    var best = Infinity;
    for (var i = 0; i + 1 < pts.length; i++) {
      var a = pts[i], b = pts[i + 1];
      var dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
      var t = len2 ? Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / len2)) : 0;
      best = Math.min(best, Math.hypot(px - a.x - t * dx, py - a.y - t * dy));
    }
    return best;
  }

  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  function placeLabels(root, nodes) {
    var labels = Array.prototype.slice.call(root.querySelectorAll("g.edgeLabel"))
      .map(function (g) { return { g: g, box: boxIn(root, g) }; })
      .filter(function (l) { return l.box.w > 0; });
    var obstacles = Object.keys(nodes).map(function (id) {
      var n = nodes[id];
      return { x: n.cx - n.hw - 2, y: n.cy - n.hh - 2, w: 2 * n.hw + 4, h: 2 * n.hh + 4 };
    });
    labels.forEach(function (label) {
      var match = /^edge-label-.+?-.+?-(L_.+)$/.exec(label.g.id || "");
      if (!match) return;
      var path = root.querySelector('path[data-id="' + match[1] + '"]');
      var pts = path && readPoints(path);
      if (!pts || pts.length < 2) return;
      var b = label.box, cx = b.x + b.w / 2, cy = b.y + b.h / 2;
      var others = labels.filter(function (l) { return l !== label; })
        .map(function (l) { return l.box; });
      var inner = { x: b.x + 0.5, y: b.y + 0.5, w: b.w - 1, h: b.h - 1 };
      var covers = obstacles.concat(others).some(function (o) { return overlaps(inner, o); });
      if (distanceToPolyline(cx, cy, pts) <= 2 && !covers) return;
      for (var i = 0; i + 1 < pts.length; i++) {
        var p = pts[i], q = pts[i + 1];
        var len = Math.hypot(q.x - p.x, q.y - p.y);
        var need = (Math.abs(q.x - p.x) > Math.abs(q.y - p.y) ? b.w : b.h) + 4;
        if (len < need) continue;
        for (var f = 0.5; f > 0; f -= 0.1) {
          var nx = p.x + (q.x - p.x) * f, ny = p.y + (q.y - p.y) * f;
          var moved = { x: nx - b.w / 2, y: ny - b.h / 2, w: b.w, h: b.h };
          var blocked = obstacles.concat(others).some(function (o) { return overlaps(moved, o); });
          if (blocked) continue;
          shift(label.g, nx - cx, ny - cy);
          label.box = moved;
          return;
        }
      }
    });
  }

  function shift(g, dx, dy) {
    var transform = g.getAttribute("transform") || "";
    var match = /translate\(\s*(-?[\d.e+-]+)[ ,]+(-?[\d.e+-]+)\s*\)/.exec(transform);
    var x = match ? parseFloat(match[1]) : 0, y = match ? parseFloat(match[2]) : 0;
    var moved = "translate(" + (x + dx) + ", " + (y + dy) + ")";
    g.setAttribute("transform", match ? transform.replace(match[0], moved)
                                      : (moved + " " + transform).trim());
  }
})();
