
/* sop-ap: appended to the pinned mermaid.min.js when it is copied into the site.
   Large procedures (60 steps, 12 lanes) exceed Mermaid's default maxTextSize
   (50,000) or maxEdges (500). These are "secure" settings that a diagram's front
   matter cannot change, and Material calls mermaid.initialize() itself, so every
   initialize call gets the raised limits. */
(function () {
  var m = window.mermaid;
  if (!m || m.__sopApLimits) return;
  var initialize = m.initialize.bind(m);
  m.initialize = function (config) {
    return initialize(Object.assign({}, config || {}, { maxTextSize: 2000000, maxEdges: 20000 }));
  };
  m.__sopApLimits = true;
})();
