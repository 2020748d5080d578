/*
 * pyquiz embed: one tag puts a quiz in any page.
 *
 *   <script src="https://YOUR-HOST/PATH/embed.js" data-topic="scope" data-count="5" async></script>
 *
 * Options (all optional): data-topic (comma-separated topic ids), data-ids (question ids joined
 * by "."), data-count, data-difficulty (junior,mid,senior), data-theme (light, dark, auto),
 * data-mode (practice, exam), data-seed, data-title.
 *
 * The iframe loads only when the reader scrolls near it and resizes itself to its content. It
 * re-dispatches the quiz's events on the iframe element, bubbling: "pyquiz:answered"
 * ({ id, correct }) and "pyquiz:completed" ({ score, total, ids }), so a host page can react.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;

  var src = new URL(script.src, location.href);
  var widgetOrigin = src.origin;
  var params = new URLSearchParams();
  ["topic", "ids", "count", "difficulty", "theme", "mode", "seed"].forEach(function (key) {
    var value = script.getAttribute("data-" + key);
    if (value) params.set(key, value);
  });

  var iframe = document.createElement("iframe");
  // The embed's own page: a small wasm with only the quiz in it.
  iframe.src = new URL("./embed/", src).href + "#" + params.toString();
  iframe.title = script.getAttribute("data-title") || "Python interview quiz";
  iframe.loading = "lazy";
  iframe.setAttribute("data-pyquiz", "");
  iframe.style.cssText = "display:block;width:100%;max-width:100%;height:240px;border:0;";
  script.parentNode.insertBefore(iframe, script.nextSibling);

  window.addEventListener("message", function (event) {
    // Only this iframe, from the widget's own origin, may resize it or speak for it.
    if (event.origin !== widgetOrigin || event.source !== iframe.contentWindow) return;
    var data = event.data;
    if (!data || data.source !== "pyquiz") return;
    if (data.type === "height" && typeof data.height === "number" && data.height > 0) {
      iframe.style.height = Math.ceil(data.height) + "px";
    } else if (data.type === "answered" || data.type === "completed") {
      iframe.dispatchEvent(new CustomEvent("pyquiz:" + data.type, { detail: data, bubbles: true }));
    }
  });
})();
