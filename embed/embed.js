/*
 * pyquiz embed: one tag puts a quiz in any page.
 *
 *   <script src="https://YOUR-HOST/PATH/embed.js" data-topic="scope" data-count="5" async></script>
 *
 * Options (all optional): data-topic (comma-separated topic ids), data-ids (question ids joined
 * by "."), data-count, data-difficulty (junior,mid,senior), data-theme (light, dark, auto,
 * inherit), data-mode (practice, exam), data-seed, data-title, data-height (the px to reserve
 * before the quiz loads; default 560), and data-src for your own quiz
 * file (compiled by `bank quiz` or the author page), on your site or "#id" of an element of the
 * page. Without data-src, a <script type="application/json"> right before the tag holds your own
 * quiz inline.
 * embed-demo.html documents each with a live example.
 *
 * The iframe loads only when the reader scrolls near it and grows to fit its content, but never
 * shrinks: the post around it does not jump between questions (see README, "Embedding"). It
 * re-dispatches the quiz's events on the iframe element, bubbling: "pyquiz:answered"
 * ({ id, correct }), "pyquiz:completed" ({ score, total, ids }) and, for the page's author,
 * "pyquiz:error" ({ message }) when an attribute or a quiz file is wrong.
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

  // An own quiz: a file on this page's site (fetched here, so it needs no CORS) or inline JSON.
  function isJson(el) {
    return el && el.tagName === "SCRIPT" && el.type === "application/json";
  }
  var quizSrc = script.getAttribute("data-src");
  // Inline: the JSON right before the tag (already parsed when this runs, even async), unless
  // the tag asks for the bank's questions.
  var inline = null;
  if (!quizSrc && !params.get("topic") && !params.get("ids") && isJson(script.previousElementSibling)) {
    inline = script.previousElementSibling;
  }
  if (quizSrc || inline) params.set("quiz", "host");

  // data-theme="inherit": the host's text colour, and a colour scheme that matches it.
  var scheme = "";
  if (params.get("theme") === "inherit") {
    var color = getComputedStyle(script.parentNode).color;
    // oklch(), lab() or color(): drawn on one pixel and read back as rgb.
    if (!/^rgba?\(/.test(color)) {
      try {
        var ctx = document.createElement("canvas").getContext("2d");
        ctx.fillStyle = color;
        ctx.fillRect(0, 0, 1, 1);
        var px = ctx.getImageData(0, 0, 1, 1).data;
        color = "rgb(" + px[0] + ", " + px[1] + ", " + px[2] + ")";
      } catch (e) {
        color = "rgb(0, 0, 0)";
      }
    }
    params.set("color", color);
    var rgb = (color.match(/\d+(\.\d+)?/g) || [0, 0, 0]).map(Number);
    scheme = rgb[0] * 299 + rgb[1] * 587 + rgb[2] * 114 > 128000 ? "dark" : "light";
  }

  var iframe = document.createElement("iframe");
  iframe.title = script.getAttribute("data-title") || "Python interview quiz";
  iframe.setAttribute("data-pyquiz", "");
  // Reserved up front, so the post does not jump when the quiz appears; most questions fit.
  var reserved = Math.min(Math.max(parseInt(script.getAttribute("data-height"), 10) || 560, 120), 4000);
  var height = reserved;
  iframe.style.cssText = "display:block;width:100%;max-width:100%;border:0;height:" + height + "px;";
  if (scheme) iframe.style.colorScheme = scheme;
  script.parentNode.insertBefore(iframe, script.nextSibling);
  // An embed on the first screens loads at once; one further down waits until the reader
  // scrolls near it (the browser's lazy loading would first wait for layout to settle).
  var top = iframe.getBoundingClientRect().top;
  iframe.loading = top < (window.innerHeight || 800) * 2 ? "eager" : "lazy";
  // The embed's own page: a small wasm with only the quiz in it.
  iframe.src = new URL("./embed/", src).href + "#" + params.toString();

  function authorError(message) {
    iframe.dispatchEvent(
      new CustomEvent("pyquiz:error", { detail: { message: message }, bubbles: true })
    );
  }

  function quizText() {
    if (inline) return Promise.resolve(inline.textContent);
    if (quizSrc && quizSrc.charAt(0) === "#") {
      // An element anywhere in the page, found once the page is parsed.
      return new Promise(function (resolve, reject) {
        var find = function () {
          var el = document.getElementById(quizSrc.slice(1));
          if (el) resolve(el.textContent);
          else reject(new Error("data-src " + quizSrc + ": no such element"));
        };
        if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", find);
        else find();
      });
    }
    return fetch(new URL(quizSrc, location.href).href).then(function (r) {
      if (!r.ok) throw new Error("data-src " + quizSrc + ": HTTP " + r.status);
      return r.text();
    });
  }

  function sendQuiz() {
    var to = function (msg) {
      msg.source = "pyquiz-host";
      msg.type = "quiz";
      iframe.contentWindow.postMessage(msg, widgetOrigin);
    };
    quizText().then(
      function (text) { to({ text: text }); },
      function (e) {
        var message = e && e.message ? e.message : "data-src " + quizSrc + " could not be read";
        console.warn("pyquiz embed: " + message);
        authorError(message);
        to({ error: message });
      }
    );
  }

  window.addEventListener("message", function (event) {
    // Only this iframe, from the widget's own origin, may resize it or speak for it.
    if (event.origin !== widgetOrigin || event.source !== iframe.contentWindow) return;
    var data = event.data;
    if (!data || data.source !== "pyquiz") return;
    if (data.type === "height" && typeof data.height === "number" && data.height > 0) {
      // Grow when a question needs more room, never shrink (the text below would jump up),
      // except to one short line when the embed has nothing to show.
      var next = data.fit ? Math.ceil(data.height) : Math.max(height, Math.ceil(data.height));
      if (next !== height) iframe.style.height = (height = next) + "px";
    } else if (data.type === "answered" || data.type === "completed") {
      iframe.dispatchEvent(new CustomEvent("pyquiz:" + data.type, { detail: data, bubbles: true }));
    } else if (data.type === "error" && typeof data.message === "string") {
      // The embed already logged it in the console.
      authorError(data.message);
    } else if (data.type === "ready" && (quizSrc || inline)) {
      sendQuiz();
    }
  });
})();
