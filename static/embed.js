/* Security Matrix widget: iframe resizer for host pages. No dependencies, nothing sent.
 *
 *   <iframe data-security-matrix-frame src="https://widget.example.org/"
 *           title="Security level self-assessment"></iframe>
 *   <script src="embed.js" defer></script>
 *
 * The widget's page tells its parent its content height with one kind of message,
 * { type: "security-matrix:height", height: <px> }, and never anything else. This script
 * resizes the iframe that sent it, and ignores every message whose source is not that
 * iframe's window or whose origin is not that of the iframe's src. It never answers.
 */
(function () {
  "use strict";
  var TYPE = "security-matrix:height";
  var MAX = 100000;

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== TYPE) return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < 0 || height > MAX) return;
    var frames = document.querySelectorAll("iframe[data-security-matrix-frame]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (event.source !== frame.contentWindow) continue;
      if (event.origin !== originOf(frame)) return;
      frame.style.height = Math.ceil(height) + "px";
      return;
    }
  });
})();
