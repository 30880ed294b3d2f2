// Public site scripts: progressive enhancement only; every page works without them.
// Kept in this static file (no inline script), so a Content-Security-Policy needs no 'unsafe-inline'.

// Page tools: print and close buttons.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-action]");
  if (!button) return;
  if (button.dataset.action === "print") window.print();
  if (button.dataset.action === "close") window.close();
});

// 字号 大/中/小 on articles: a class on the article, remembered for the next article.
(function () {
  var tools = document.querySelector("[data-text-size]");
  if (!tools) return;
  var article = tools.closest(".article");
  var sizes = ["large", "medium", "small"];
  function apply(size) {
    sizes.forEach(function (s) { article.classList.toggle("text-" + s, s === size && s !== "medium"); });
    tools.querySelectorAll("button[data-size]").forEach(function (b) {
      b.setAttribute("aria-pressed", b.dataset.size === size ? "true" : "false");
    });
  }
  var saved = null;
  try { saved = window.localStorage.getItem("govsite-text-size"); } catch (e) { saved = null; }
  apply(sizes.indexOf(saved) >= 0 ? saved : "medium");
  tools.hidden = false;
  tools.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-size]");
    if (!button) return;
    apply(button.dataset.size);
    try { window.localStorage.setItem("govsite-text-size", button.dataset.size); } catch (e) { /* private mode */ }
  });
})();

// 图片新闻 carousel (WAI-ARIA APG carousel pattern): one slide at a time with previous/next and a
// pause button. It rotates only while nothing in it has focus or the pointer, never when the reader
// asks for reduced motion, and announces slides (aria-live="polite") only while it is not rotating.
(function () {
  document.querySelectorAll("[data-carousel]").forEach(function (carousel) {
    var slides = Array.prototype.slice.call(carousel.querySelectorAll(".carousel-slide"));
    if (slides.length < 2) return;
    var region = carousel.querySelector(".carousel-slides");
    var toggle = carousel.querySelector("[data-carousel-action=toggle]");
    var status = carousel.querySelector(".carousel-status");
    var interval = parseInt(carousel.dataset.interval, 10) || 6000;
    var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var current = 0, timer = null, stoppedByUser = reduced, hold = false;

    carousel.classList.add("is-enhanced");
    function show(index) {
      current = (index + slides.length) % slides.length;
      slides.forEach(function (slide, i) { slide.classList.toggle("is-current", i === current); });
      if (status) status.textContent = (current + 1) + " / " + slides.length;
    }
    function rotating() { return timer !== null; }
    function update() {
      var run = !stoppedByUser && !hold;
      if (run && !rotating()) timer = window.setInterval(function () { show(current + 1); }, interval);
      if (!run && rotating()) { window.clearInterval(timer); timer = null; }
      region.setAttribute("aria-live", rotating() ? "off" : "polite");
      toggle.textContent = stoppedByUser ? toggle.dataset.labelPlay : toggle.dataset.labelPause;
    }
    carousel.addEventListener("click", function (event) {
      var button = event.target.closest("[data-carousel-action]");
      if (!button) return;
      var action = button.dataset.carouselAction;
      if (action === "toggle") stoppedByUser = !stoppedByUser;
      if (action === "prev") show(current - 1);
      if (action === "next") show(current + 1);
      update();
    });
    carousel.addEventListener("keydown", function (event) {
      if (event.target.closest("button")) return;
      if (event.key === "ArrowLeft") { show(current - 1); event.preventDefault(); }
      if (event.key === "ArrowRight") { show(current + 1); event.preventDefault(); }
    });
    // Keyboard and screen-reader users move focus into it: it stops until focus leaves.
    carousel.addEventListener("focusin", function () { hold = true; update(); });
    carousel.addEventListener("focusout", function (event) {
      if (!carousel.contains(event.relatedTarget)) { hold = false; update(); }
    });
    carousel.addEventListener("mouseenter", function () { hold = true; update(); });
    carousel.addEventListener("mouseleave", function () { hold = false; update(); });
    show(0);
    update();
  });
})();
